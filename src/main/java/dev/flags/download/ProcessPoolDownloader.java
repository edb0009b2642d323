package dev.flags.download;

import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of worker JVMs, the book's {@code ProcessPoolExecutor}: each worker is this program's
 * hidden {@code worker} command ({@link ProcessWorker}), started with the same java binary and
 * classpath. The calling thread hands one code at a time to whichever worker is free and takes
 * results as they come (see {@link WorkerProtocol}); one reader thread per worker turns its stdout
 * into events, so the scheduling itself needs no locks. Workers log to the inherited stderr.
 *
 * <p>Failures are contained: a worker that dies mid-download (crash, {@code kill -9}) has its code
 * retried once on another worker, then reported ERROR, and a replacement starts while work remains
 * (a code handed to a worker that died before it started the code is handed on without using up
 * that retry: several workers killed at once cost no code its retry); a worker that answers garbage
 * fails that code and is replaced; workers that cannot start at all fail the remaining codes
 * instead of being restarted forever. When the run ends, is interrupted, or fails, every worker is
 * stopped before {@link #downloadMany} returns: its stdin is closed, so it cancels what it was
 * doing, removes its temp file and exits (and is killed if it does not). If this JVM dies instead,
 * the workers see their stdin close and do the same by themselves.
 *
 * <p>Every per-flag option reaches the workers with the settings; the run's deadline is wall-clock
 * time, so each worker cuts its calls at the same moment. When the engine gives up (Ctrl-C, or the
 * deadline's grace has passed) it interrupts the pool, which stops its workers.
 */
public final class ProcessPoolDownloader implements Downloader {
  private static final Logger log = LoggerFactory.getLogger(ProcessPoolDownloader.class);

  /** A code is tried on this many workers that died on it before it is reported ERROR. */
  static final int MAX_TRIES = 2;

  /** A code handed to this many workers that died before they started it is reported ERROR. */
  static final int MAX_HANDOFFS = 3;

  /** A worker not ready by then is taken for one that cannot start. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** What a worker gets beyond the longest a healthy one can take on a code (see frozenAfter). */
  static final Duration FROZEN_MARGIN = Duration.ofSeconds(2);

  /** How long workers get to exit after their stdin closes before they are killed. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Fast start for short-lived JVMs (C1 only, serial GC, no 300 ms wait at exit for threads in
   * native code), and any VM message on stderr so that stdout carries only the protocol.
   */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-XX:-UsePerfData",
          "-XX:UserThreadWaitAttemptsAtExit=0",
          "-XX:+DisplayVMOutputToStderr");

  private static final String TIERED_STOP = "-XX:TieredStopAtLevel=";

  /** Whether this JVM runs with C1 alone, as the launcher starts short runs. */
  private static boolean parentHasC1Only() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(arg -> arg.startsWith(TIERED_STOP) && !arg.equals(TIERED_STOP + "4"));
  }

  /**
   * The AOT cache this JVM was started with, which the launcher names in this property: workers run
   * the same jar, so they start with it too (~80 ms less each); otherwise the JDK's own archive.
   */
  static final String AOT_CACHE_PROPERTY = "flags.aot.cache";

  /** The subcommand a worker JVM runs: {@code flags worker}, its only argument. */
  public static final String WORKER_COMMAND = "worker";

  private final DownloadOne run;
  private final RunSpec settings;
  private final int workers;
  private final List<String> command;
  private Duration startupTime = Duration.ZERO;

  /**
   * @param run this run's per-flag work in the parent: not for downloading (the workers open their
   *     own from {@code settings}) but for the run's clock, its deadline, and the result of a flag
   *     that never finished
   * @param settings the per-flag work, sent to each worker whole; {@code maxReq} workers
   */
  public ProcessPoolDownloader(DownloadOne run, RunSpec settings) {
    this(run, settings, workerCommand(settings.workRounds() > 0));
  }

  /** With another command for the workers; tests use it to run misbehaving ones. */
  ProcessPoolDownloader(DownloadOne run, RunSpec settings, List<String> command) {
    this.run = run;
    this.settings = settings;
    this.workers = Math.max(1, settings.maxReq());
    this.command = List.copyOf(command);
  }

  /** {@code java [fast-start options] -cp <this classpath> dev.flags.Main worker}. */
  /**
   * How long a worker may hold a code before it is taken for frozen ({@code kill -STOP}, a stuck
   * JVM): a healthy one always answers sooner, since every attempt ends at its timeout (the body
   * included) and every wait between attempts at the longest retry wait, for the flag and, with
   * {@code --metadata}, for its metadata.json; then {@link #FROZEN_MARGIN}.
   */
  static Duration frozenAfter(RunSpec settings) {
    int requests = settings.metadata() ? 2 : 1;
    double seconds =
        requests
            * ((settings.retries() + 1) * settings.timeoutSeconds()
                + settings.retries() * settings.maxRetryWaitSeconds());
    return Duration.ofMillis((long) Math.ceil(seconds * 1000)).plus(FROZEN_MARGIN);
  }

  /** The command that starts a worker JVM with the fast-start options. */
  public static List<String> workerCommand() {
    return workerCommand(false);
  }

  /**
   * The command that starts a worker JVM. A run that computes ({@code --work}) gives its workers
   * the JIT this JVM has: the parent calibrated the rounds with it, and C1 alone computes SHA-256
   * many times slower than C2 (which uses the CPU's SHA instructions).
   */
  static List<String> workerCommand(boolean computes) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    for (String option : JVM_OPTIONS) {
      if (!(computes && option.startsWith(TIERED_STOP) && !parentHasC1Only())) {
        command.add(option);
      }
    }
    String aotCache = System.getProperty(AOT_CACHE_PROPERTY);
    if (aotCache != null) {
      command.addAll(List.of("-XX:AOTCache=" + aotCache, "-Xlog:aot*=off,cds*=off"));
    }
    // Settings that shape a download travel as system properties: the log level, and the TLS
    // trust and proxy settings a user gives the parent JVM (workers must trust the same servers).
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.equals("flags.log.level")
          || name.startsWith("javax.net.ssl.")
          || name.startsWith("jdk.tls.")
          || name.endsWith(".proxyHost")
          || name.endsWith(".proxyPort")
          || name.endsWith(".nonProxyHosts")) {
        command.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.flags.Main", WORKER_COMMAND));
    return command;
  }

  /**
   * How long the initial workers took to be ready, the slowest of them: from their start to the
   * moment it could take its first code. Each worker starts downloading as soon as it is ready, so
   * this overlaps the downloads of the faster ones; all of it is inside the run's elapsed time.
   */
  @Override
  public Duration startupTime() {
    return startupTime;
  }

  @Override
  public void downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    if (codes.isEmpty()) {
      return;
    }
    Pool pool = new Pool(codes, listener);
    try {
      pool.all();
    } finally {
      pool.stopWorkers();
      startupTime = pool.startupTime;
    }
  }

  /**
   * A code to download; how many workers died on it, and how many died after it was handed to them
   * but before they started it.
   */
  private record Task(String cc, int crashes, int handoffs) {}

  /** What a worker's reader thread saw: a line, or (line null) the end of its stdout. */
  private record Event(Worker worker, String line, int exitCode) {}

  /** One worker JVM as the parent sees it. Touched only by the calling thread, but for close. */
  private static final class Worker {
    final Process process;
    final String name;
    final Writer stdin;
    final long startedNanos;
    final boolean initial;
    boolean ready;
    boolean retired;
    Task task;
    boolean taskStarted;
    long taskStartNanos;

    /** From the worker's clock to the run's, in ms; set by its first result with CPU work. */
    Long clockShiftMs;

    Worker(Process process, long startedNanos, boolean initial) {
      this.process = process;
      this.name = "pid-" + process.pid();
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      this.startedNanos = startedNanos;
      this.initial = initial;
    }

    /** Sends one line. If the worker is gone, its end-of-stream event follows and settles it. */
    void send(String line) {
      try {
        stdin.write(line + "\n");
        stdin.flush();
      } catch (IOException e) {
        // dead: see exited()
      }
    }

    void closeStdin() {
      try {
        stdin.close();
      } catch (IOException e) {
        // gone already
      }
    }
  }

  /** The state of one {@link #downloadMany} call, driven by the calling thread alone. */
  private final class Pool {
    private final int total;
    private final ResultListener listener;
    private final int target;
    private String settingsLine;
    private final Deque<Task> pending = new ArrayDeque<>();
    private final List<FlagResult> results = new ArrayList<>();
    private final Set<Worker> live = new LinkedHashSet<>();
    private final List<Worker> started = new ArrayList<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private int startFailures;
    private String lastStartFailure = "";
    private Duration startupTime = Duration.ZERO;
    private final long frozenNanos = frozenAfter(settings).toNanos();

    Pool(List<String> codes, ResultListener listener) {
      this.total = codes.size();
      this.listener = listener;
      this.target = Math.min(workers, codes.size());
      codes.forEach(cc -> pending.add(new Task(cc, 0, 0)));
    }

    List<FlagResult> all() throws InterruptedException {
      for (int i = 0; i < target; i++) {
        spawn(true);
      }
      // Jackson's first use costs a few hundred ms on a cold JVM: pay it while the workers boot.
      settingsLine = WorkerProtocol.settingsLine(settings, run.deadlineEpochMillis());
      started.forEach(worker -> worker.send(settingsLine));
      WorkerProtocol.warmUpReader();
      failPendingIfNoWorkerCanStart();
      while (results.size() < total) {
        long wait = Math.min(millisToNextStartDeadline(), millisToNextFrozen());
        Event event = events.poll(wait, TimeUnit.MILLISECONDS);
        if (event == null) {
          retireWorkersTooSlowToStart();
        } else if (event.line() == null) {
          exited(event.worker(), event.exitCode());
        } else {
          said(event.worker(), event.line());
        }
        stopFrozenWorkers();
        failPendingIfNoWorkerCanStart();
      }
      return results;
    }

    private void said(Worker worker, String line) {
      if (worker.retired) {
        return;
      }
      if (!worker.ready) {
        if (line.equals(WorkerProtocol.READY)) {
          ready(worker);
        } else {
          log.warn("worker {} said before it was ready: {}", worker.name, shown(line));
        }
        return;
      }
      Task task = worker.task;
      if (task != null
          && !worker.taskStarted
          && line.equals(WorkerProtocol.startedLine(task.cc()))) {
        worker.taskStarted = true;
        worker.taskStartNanos = System.nanoTime(); // its start on this run's clock, to a pipe's hop
        return;
      }
      Optional<WorkerProtocol.Claim> claim = WorkerProtocol.claim(line);
      if (task != null && worker.taskStarted && claim.isPresent()) {
        // One file per flag across all workers: the run's names are reserved here.
        boolean granted =
            claim.get().cc().equals(task.cc()) && run.claim(claim.get().fileName(), task.cc());
        worker.send(WorkerProtocol.claimReply(granted));
        return;
      }
      worker.task = null;
      if (task == null) {
        log.warn("worker {} said out of turn: {}; replacing it", worker.name, shown(line));
        retire(worker);
        replenish();
        return;
      }
      FlagResult result;
      try {
        result = WorkerProtocol.result(line, task.cc());
      } catch (IOException e) {
        // Its stdout can no longer be trusted to line up with our codes: fail the code, replace it.
        log.warn("worker {} sent a bad result for {}; replacing it", worker.name, task.cc());
        int attempts = task.crashes() + (worker.taskStarted ? 1 : 0);
        finish(failure(task, worker, "worker sent a bad result: " + shown(line), attempts));
        retire(worker);
        replenish();
        return;
      }
      finish(rebased(result, worker, task));
      assign(worker);
    }

    private void ready(Worker worker) {
      worker.ready = true;
      if (worker.initial) {
        Duration took = Duration.ofNanos(System.nanoTime() - worker.startedNanos);
        startupTime = took.compareTo(startupTime) > 0 ? took : startupTime;
      }
      log.info(
          "worker {} ready in {} ms",
          worker.name,
          (System.nanoTime() - worker.startedNanos) / 1_000_000);
      assign(worker);
    }

    private void exited(Worker worker, int exitCode) {
      live.remove(worker);
      if (worker.retired) {
        return; // stopped on purpose; its code, if any, is settled
      }
      if (!worker.ready) {
        startFailures++;
        lastStartFailure = "exit code " + exitCode;
        log.warn("worker {} exited with code {} before it was ready", worker.name, exitCode);
      }
      if (worker.task != null) {
        lost(worker.task, worker, "exit code " + exitCode);
      } else if (worker.ready) {
        log.warn("worker {} died (exit code {}) while idle", worker.name, exitCode);
      }
      assignIdleWorkers();
      replenish();
    }

    /**
     * The worker died holding this code. If it had started the code, that was one of the code's
     * {@link #MAX_TRIES}. If not, the worker was dead already when it got the code (several workers
     * killed at once) and the code goes on without using up its retry, {@link #MAX_HANDOFFS} times
     * at most.
     */
    private void lost(Task task, Worker worker, String end) {
      boolean started = worker.taskStarted;
      Task next =
          started
              ? new Task(task.cc(), task.crashes() + 1, task.handoffs())
              : new Task(task.cc(), task.crashes(), task.handoffs() + 1);
      boolean again = next.crashes() < MAX_TRIES && next.handoffs() < MAX_HANDOFFS;
      log.warn(
          "worker {} died ({}) {} {}; {}",
          worker.name,
          end,
          started ? "downloading" : "before it started",
          task.cc(),
          again ? "trying it on another worker" : "giving up on it");
      if (again) {
        pending.addFirst(next);
      } else {
        String reason =
            started
                ? "worker died twice downloading it (last: " + end + ")"
                : "workers kept dying before they started it (last: " + end + ")";
        finish(failure(next, worker, reason, next.crashes()));
      }
    }

    /** Gives the next pending code to this worker, if any is left. */
    private void assign(Worker worker) {
      Task task = pending.pollFirst();
      if (task == null) {
        return; // idle until a crash re-queues a code, or the run ends
      }
      worker.task = task;
      worker.taskStarted = false;
      worker.taskStartNanos = System.nanoTime();
      worker.send(task.cc()); // if it is dead, its end-of-stream event hands the code on
    }

    private void assignIdleWorkers() {
      for (Worker worker : live) {
        if (worker.ready && worker.task == null && !pending.isEmpty()) {
          assign(worker);
        }
      }
    }

    /** Starts workers while there is more work than live workers, up to the pool's size. */
    private void replenish() {
      long busy = live.stream().filter(w -> w.task != null).count();
      long wanted = Math.min(target, busy + pending.size());
      while (live.size() < wanted && startFailures < Math.max(2, target)) {
        spawn(false);
      }
    }

    private void spawn(boolean initial) {
      Process process;
      long startedNanos = System.nanoTime();
      try {
        process =
            new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      } catch (IOException e) {
        startFailures++;
        lastStartFailure = e.getMessage();
        log.warn("cannot start a worker: {}", e.getMessage());
        return;
      }
      Worker worker = new Worker(process, startedNanos, initial);
      live.add(worker);
      started.add(worker);
      if (settingsLine != null) {
        worker.send(settingsLine);
      }
      Thread.ofPlatform().daemon().name("worker-" + worker.name).start(() -> readLines(worker));
    }

    /** The reader thread of one worker: its stdout as events, then its end. */
    private void readLines(Worker worker) {
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(worker.process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          events.add(new Event(worker, line, 0));
        }
      } catch (IOException e) {
        // a broken pipe ends the stream like a closed one
      }
      events.add(new Event(worker, null, exitCode(worker.process)));
    }

    private void retire(Worker worker) {
      worker.retired = true;
      live.remove(worker);
      worker.closeStdin();
      worker.process.destroyForcibly();
    }

    /** Until the first worker still starting is due to be ready. */
    private long millisToNextStartDeadline() {
      return millisToEarliest(
          worker -> worker.ready ? Long.MAX_VALUE : worker.startedNanos + START_TIMEOUT.toNanos());
    }

    /** Until the first busy worker is due to be taken for frozen. */
    private long millisToNextFrozen() {
      return millisToEarliest(
          worker -> worker.task == null ? Long.MAX_VALUE : worker.taskStartNanos + frozenNanos);
    }

    /** Milliseconds until the earliest {@code due} time of a live worker (Long.MAX_VALUE: none). */
    private long millisToEarliest(ToLongFunction<Worker> due) {
      long now = System.nanoTime();
      long next = Long.MAX_VALUE;
      for (Worker worker : live) {
        long at = due.applyAsLong(worker);
        if (at != Long.MAX_VALUE) {
          next = Math.min(next, Math.max(0, (at - now) / 1_000_000 + 1));
        }
      }
      return next;
    }

    /**
     * Stops the workers that have held a code past {@link #frozenAfter}: a frozen worker never
     * answers nor dies by itself, and its code would wait for the run's deadline, or forever. Its
     * code goes on as if it had died.
     */
    private void stopFrozenWorkers() {
      long now = System.nanoTime();
      boolean stopped = false;
      for (Worker worker : List.copyOf(live)) {
        Task task = worker.task;
        if (task != null && now - worker.taskStartNanos >= frozenNanos) {
          long silentMs = (now - worker.taskStartNanos) / 1_000_000;
          log.warn(
              "worker {} silent on {} for {} ms; stopping it", worker.name, task.cc(), silentMs);
          worker.task = null;
          retire(worker);
          lost(task, worker, "silent for " + (silentMs + 500) / 1000 + " s, stopped");
          stopped = true;
        }
      }
      if (stopped) {
        assignIdleWorkers();
        replenish();
      }
    }

    private void retireWorkersTooSlowToStart() {
      long now = System.nanoTime();
      for (Worker worker : List.copyOf(live)) {
        if (!worker.ready && now - worker.startedNanos >= START_TIMEOUT.toNanos()) {
          log.warn("worker {} not ready after {}; stopping it", worker.name, START_TIMEOUT);
          startFailures++;
          lastStartFailure = "not ready after " + START_TIMEOUT.toSeconds() + " s";
          retire(worker);
        }
      }
      replenish();
    }

    /** With no worker alive and none allowed to start, nobody will ever take the pending codes. */
    private void failPendingIfNoWorkerCanStart() {
      if (live.isEmpty() && !pending.isEmpty()) {
        replenish();
      }
      if (live.isEmpty()) {
        for (Task task = pending.poll(); task != null; task = pending.poll()) {
          finish(
              FlagResult.of(
                      task.cc(),
                      Outcome.failed(
                          new Cause.WorkerDied(
                              "no worker process could start (" + lastStartFailure + ")")))
                  .withTime(sinceRunStartMs(System.nanoTime()), 0));
        }
      }
    }

    private void finish(FlagResult result) {
      results.add(result);
      listener.onResult(result);
    }

    /**
     * The worker's result on this run's clock: it started when the worker said so, and took what
     * the worker measured. Attempts on workers that died on it count too.
     */
    private FlagResult rebased(FlagResult r, Worker worker, Task task) {
      if (r.work().any()) {
        // One shift per worker, taken from its first such result: a worker's flags then keep
        // their exact order on this clock, so its compute intervals can be compared.
        if (worker.clockShiftMs == null) {
          worker.clockShiftMs = sinceRunStartMs(worker.taskStartNanos) - r.startMs();
        }
        return r.withAttempts(r.attempts() + task.crashes()).shifted(worker.clockShiftMs);
      }
      return r.withAttempts(r.attempts() + task.crashes())
          .withTime(sinceRunStartMs(worker.taskStartNanos), r.ms());
    }

    /** An ERROR for a code its worker failed; {@code attempts}: the HTTP requests it cost. */
    private FlagResult failure(Task task, Worker worker, String error, int attempts) {
      long now = System.nanoTime();
      return FlagResult.of(task.cc(), Outcome.failed(new Cause.WorkerDied(error)))
          .withAttempts(attempts)
          .withTime(
              sinceRunStartMs(worker.taskStartNanos), (now - worker.taskStartNanos) / 1_000_000)
          .withWorker(worker.name);
    }

    private long sinceRunStartMs(long nanos) {
      return (nanos - run.runStartNanos()) / 1_000_000;
    }

    /**
     * Closes every worker's stdin, which makes it exit (a download still in flight after an
     * interruption or the deadline is cancelled, its temp file removed); kills those that do not
     * exit in time.
     */
    void stopWorkers() {
      for (Worker worker : started) {
        worker.closeStdin();
      }
      long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
      boolean interrupted = Thread.interrupted(); // kept for the caller, after the workers are gone
      for (Worker worker : started) {
        try {
          long left = Math.max(0, deadline - System.nanoTime());
          if (!worker.process.waitFor(left, TimeUnit.NANOSECONDS)) {
            log.warn("worker {} did not exit; killing it", worker.name);
            worker.process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          interrupted = true;
          worker.process.destroyForcibly();
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The exit code of a worker whose stdout has closed; kills it if it lingers. */
  private static int exitCode(Process process) {
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      return process.isAlive() ? -1 : process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String shown(String line) {
    String oneLine = line.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 60 ? "'" + oneLine.substring(0, 60) + "...'" : "'" + oneLine + "'";
  }
}
