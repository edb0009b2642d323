package dev.flags.download;

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
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * stopped before {@link #downloadMany} returns. If this JVM dies instead, the workers see their
 * stdin close and exit by themselves.
 */
public final class ProcessPoolDownloader implements Downloader {
  private static final Logger log = LoggerFactory.getLogger(ProcessPoolDownloader.class);

  /** A code is tried on this many workers that died on it before it is reported ERROR. */
  static final int MAX_TRIES = 2;

  /** A code handed to this many workers that died before they started it is reported ERROR. */
  static final int MAX_HANDOFFS = 3;

  /** A worker not ready by then is taken for one that cannot start. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** How long workers get to exit after their stdin closes before they are killed. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Fast start for short-lived JVMs (C1 only, serial GC, the JDK's class-data archive), and any VM
   * message on stderr so that stdout carries only the protocol.
   */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xshare:auto",
          "-XX:-UsePerfData",
          "-XX:+DisplayVMOutputToStderr");

  private final DownloadSettings settings;
  private final int workers;
  private final long runStartNanos;
  private final List<String> command;
  private Duration startupTime = Duration.ZERO;

  /**
   * @param settings the per-flag work, sent to each worker whole
   * @param workers how many worker JVMs to run at once
   * @param runStartNanos when the run started ({@link System#nanoTime}), for the results' times
   */
  public ProcessPoolDownloader(DownloadSettings settings, int workers, long runStartNanos) {
    this(settings, workers, runStartNanos, workerCommand());
  }

  /** With another command for the workers; tests use it to run misbehaving ones. */
  ProcessPoolDownloader(
      DownloadSettings settings, int workers, long runStartNanos, List<String> command) {
    this.settings = settings;
    this.workers = Math.max(1, workers);
    this.runStartNanos = runStartNanos;
    this.command = List.copyOf(command);
  }

  /** {@code java [fast-start options] -cp <this classpath> dev.flags.Main worker}. */
  public static List<String> workerCommand() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(JVM_OPTIONS);
    String logLevel = System.getProperty("flags.log.level");
    if (logLevel != null) {
      command.add("-Dflags.log.level=" + logLevel);
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.flags.Main", "worker"));
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
  public List<FlagResult> downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    if (codes.isEmpty()) {
      return List.of();
    }
    Run run = new Run(codes, listener);
    boolean finished = false;
    try {
      List<FlagResult> results = run.all();
      finished = true;
      return results;
    } finally {
      run.stopWorkers(finished);
      startupTime = run.startupTime;
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
  private final class Run {
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

    Run(List<String> codes, ResultListener listener) {
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
      settingsLine = WorkerProtocol.settingsLine(settings);
      started.forEach(worker -> worker.send(settingsLine));
      WorkerProtocol.warmUpReader();
      failPendingIfNoWorkerCanStart();
      while (results.size() < total) {
        Event event = events.poll(millisToNextStartDeadline(), TimeUnit.MILLISECONDS);
        if (event == null) {
          retireWorkersTooSlowToStart();
        } else if (event.line() == null) {
          exited(event.worker(), event.exitCode());
        } else {
          said(event.worker(), event.line());
        }
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
        lost(worker.task, worker, exitCode);
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
    private void lost(Task task, Worker worker, int exitCode) {
      boolean started = worker.taskStarted;
      Task next =
          started
              ? new Task(task.cc(), task.crashes() + 1, task.handoffs())
              : new Task(task.cc(), task.crashes(), task.handoffs() + 1);
      boolean again = next.crashes() < MAX_TRIES && next.handoffs() < MAX_HANDOFFS;
      log.warn(
          "worker {} died (exit code {}) {} {}; {}",
          worker.name,
          exitCode,
          started ? "downloading" : "before it started",
          task.cc(),
          again ? "trying it on another worker" : "giving up on it");
      if (again) {
        pending.addFirst(next);
      } else {
        String reason =
            started
                ? "worker died twice downloading it (last: exit code " + exitCode + ")"
                : "workers kept dying before they started it (last: exit code " + exitCode + ")";
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

    private long millisToNextStartDeadline() {
      long now = System.nanoTime();
      long next = Long.MAX_VALUE;
      for (Worker worker : live) {
        if (!worker.ready) {
          long deadline = worker.startedNanos + START_TIMEOUT.toNanos();
          next = Math.min(next, Math.max(0, (deadline - now) / 1_000_000 + 1));
        }
      }
      return next;
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
              new FlagResult(
                  task.cc(),
                  FlagStatus.ERROR,
                  0,
                  0,
                  sinceRunStartMs(System.nanoTime()),
                  0,
                  "-",
                  "no worker process could start (" + lastStartFailure + ")"));
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
      return new FlagResult(
          r.cc(),
          r.status(),
          r.bytes(),
          r.attempts() + task.crashes(),
          sinceRunStartMs(worker.taskStartNanos),
          r.ms(),
          r.worker(),
          r.error());
    }

    /** An ERROR for a code its worker failed; {@code attempts}: the HTTP requests it cost. */
    private FlagResult failure(Task task, Worker worker, String error, int attempts) {
      long now = System.nanoTime();
      return new FlagResult(
          task.cc(),
          FlagStatus.ERROR,
          0,
          attempts,
          sinceRunStartMs(worker.taskStartNanos),
          (now - worker.taskStartNanos) / 1_000_000,
          worker.name,
          error);
    }

    private long sinceRunStartMs(long nanos) {
      return (nanos - runStartNanos) / 1_000_000;
    }

    /**
     * Closes every worker's stdin, which makes it exit; kills the ones that do not exit in time,
     * and all of them at once if the run did not finish (interrupted or failed).
     */
    void stopWorkers(boolean finished) {
      for (Worker worker : started) {
        worker.closeStdin();
        if (!finished) {
          worker.process.destroyForcibly();
        }
      }
      long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
      boolean interrupted = false;
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
