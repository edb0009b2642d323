package dev.flags.download.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker JVM as the parent sees it: its process, its stdin for {@link Message.ToWorker}s, and a
 * reader thread that turns its stdout into {@link Event}s. Its {@link #state} is touched only by
 * the scheduling thread.
 */
final class WorkerHandle {
  private static final Logger log = LoggerFactory.getLogger(WorkerHandle.class);

  /** How long a worker gets to exit after its stdin closes before it is killed. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

  /** The same for a worker that records an AOT configuration (the build's training only). */
  static final Duration RECORDING_STOP_TIMEOUT = Duration.ofMinutes(1);

  /** What a reader thread saw. */
  sealed interface Event {
    WorkerHandle worker();
  }

  /** A line on the worker's stdout. */
  record Said(WorkerHandle worker, String line) implements Event {}

  /** The end of its stdout: the worker exited (or was killed) with this code. */
  record Exited(WorkerHandle worker, int exitCode) implements Event {}

  final String name;
  final long startedNanos;

  /** One of the pool's first workers, whose start-up is the run's. */
  final boolean initial;

  private final Process process;
  private final Writer stdin;
  private WorkerState state = WorkerState.STARTING;

  private WorkerHandle(Process process, long startedNanos, boolean initial) {
    this.process = process;
    this.name = "pid-" + process.pid();
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.startedNanos = startedNanos;
    this.initial = initial;
  }

  /** Starts {@code command}; its stderr is ours, its stdout goes to {@code events}. */
  static WorkerHandle start(List<String> command, boolean initial, BlockingQueue<Event> events)
      throws IOException {
    long startedNanos = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    WorkerHandle worker = new WorkerHandle(process, startedNanos, initial);
    Thread.ofPlatform()
        .daemon()
        .name("worker-" + worker.name)
        .start(() -> worker.readLines(events));
    return worker;
  }

  WorkerState state() {
    return state;
  }

  void state(WorkerState state) {
    this.state = state;
  }

  /** Sends one message. If the worker is gone, its {@link Exited} event follows and settles it. */
  void send(Message.ToWorker message) {
    try {
      stdin.write(Messages.line(message) + "\n");
      stdin.flush();
    } catch (IOException e) {
      // dead: see Exited
    }
  }

  /** Stops it now, on purpose: whatever it says from now on is ignored. */
  void kill() {
    state = WorkerState.GONE;
    closeStdin();
    process.destroyForcibly();
  }

  /** Closing its stdin makes a worker cancel its download, remove its temp file and exit. */
  private void closeStdin() {
    try {
      stdin.close();
    } catch (IOException e) {
      // gone already
    }
  }

  /**
   * Closes every worker's stdin, which makes it exit (a download still in flight after an
   * interruption or the deadline is cancelled, its temp file removed); kills those that do not exit
   * within {@link #STOP_TIMEOUT}. Keeps the caller's interrupt for after they are gone.
   */
  static void stopAll(List<WorkerHandle> workers) {
    workers.forEach(WorkerHandle::closeStdin);
    long deadline = System.nanoTime() + stopTimeout().toNanos();
    boolean interrupted = Thread.interrupted();
    for (WorkerHandle worker : workers) {
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

  /** The reader thread: its stdout as events, then its end. */
  private void readLines(BlockingQueue<Event> events) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        events.add(new Said(this, line));
      }
    } catch (IOException e) {
      // a broken pipe ends the stream like a closed one
    }
    events.add(new Exited(this, exitCode()));
  }

  /** A worker of the AOT training writes what it recorded as it exits, which takes seconds. */
  private static Duration stopTimeout() {
    return WorkerJvm.recording() ? RECORDING_STOP_TIMEOUT : STOP_TIMEOUT;
  }

  /** The exit code of a worker whose stdout has closed; kills it if it lingers. */
  private int exitCode() {
    try {
      if (!process.waitFor(stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      return process.isAlive() ? -1 : process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
