package dev.flags.download.pool;

import dev.flags.download.RunSpec;
import dev.flags.download.WorkerStartup;
import java.io.IOException;
import java.time.Duration;
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
 * Keeps the pool's workers alive and honest: starts them and replaces the lost ones while work
 * remains, hands on the code of a worker that died (crash, {@code kill -9}) or froze ({@code kill
 * -STOP}) within its {@link Task} budgets, gives up on workers that cannot start, and stops them
 * all at the end. Driven by the scheduling thread alone.
 */
final class Supervisor {
  private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

  private final List<String> command;
  private final int target;
  private final Overdue overdue;
  private final Deque<Task> pending;
  private final PoolResults results;
  private final BlockingQueue<WorkerHandle.Event> events = new LinkedBlockingQueue<>();
  private final Set<WorkerHandle> live = new LinkedHashSet<>();
  private final List<WorkerHandle> started = new ArrayList<>();
  private Message.Settings settings;
  private int startFailures;
  private String lastStartFailure = "";
  private Duration startupTime = Duration.ZERO;
  private final long runStartNanos;
  private final List<WorkerStartup> startups = new ArrayList<>();

  Supervisor(
      List<String> command,
      int target,
      RunSpec settings,
      Deque<Task> pending,
      PoolResults results,
      long runStartNanos) {
    this.runStartNanos = runStartNanos;
    this.command = command;
    this.target = target;
    this.overdue = new Overdue(settings);
    this.pending = pending;
    this.results = results;
  }

  /** Starts the pool's first workers; they get the settings once {@link #send} is called. */
  void startAll() {
    for (int i = 0; i < target; i++) {
      spawn(true);
    }
  }

  /** Sends the settings to every worker, and later to each replacement as it starts. */
  void send(Message.Settings settings) {
    this.settings = settings;
    started.forEach(worker -> worker.send(settings));
  }

  /** The next event, or null once a live worker is overdue. */
  WorkerHandle.Event nextEvent() throws InterruptedException {
    return events.poll(overdue.millisToNextDue(live), TimeUnit.MILLISECONDS);
  }

  /** The live workers, oldest first. */
  Set<WorkerHandle> live() {
    return live;
  }

  /**
   * How long the initial workers took to be ready, the slowest of them: from their start to the
   * moment it could take its first code.
   */
  Duration startupTime() {
    return startupTime;
  }

  /** Each worker's start-up so far, replacements included, in the order they became ready. */
  List<WorkerStartup> startups() {
    return List.copyOf(startups);
  }

  void ready(WorkerHandle worker) {
    long now = System.nanoTime();
    long tookNanos = now - worker.startedNanos;
    startups.add(
        new WorkerStartup(
            worker.name,
            (worker.startedNanos - runStartNanos) / 1_000_000,
            (now - runStartNanos) / 1_000_000));
    if (worker.initial && tookNanos > startupTime.toNanos()) {
      startupTime = Duration.ofNanos(tookNanos);
    }
    log.info("worker {} ready in {} ms", worker.name, tookNanos / 1_000_000);
    worker.state(WorkerState.IDLE);
  }

  void exited(WorkerHandle worker, int exitCode) {
    live.remove(worker);
    WorkerState state = worker.state();
    worker.state(WorkerState.GONE);
    if (state instanceof WorkerState.Busy busy) {
      lost(worker, busy, "exit code " + exitCode);
    } else if (state instanceof WorkerState.Starting) {
      startFailed("exit code " + exitCode);
      log.warn("worker {} exited with code {} before it was ready", worker.name, exitCode);
    } else if (state instanceof WorkerState.Idle) {
      log.warn("worker {} died (exit code {}) while idle", worker.name, exitCode);
    } // else stopped on purpose: its code, if any, is settled
  }

  /** Stops a worker that can no longer be trusted; its code, if any, the caller settles. */
  void retire(WorkerHandle worker) {
    live.remove(worker);
    worker.kill();
  }

  /**
   * The worker died holding this code. If it had started the code, that was one of the code's
   * {@link Task#MAX_TRIES}. If not, the worker was dead already when it got the code (several
   * workers killed at once) and the code goes on without using up its retry, {@link
   * Task#MAX_HANDOFFS} times at most.
   */
  private void lost(WorkerHandle worker, WorkerState.Busy busy, String end) {
    Task next = busy.task().lost(busy.started());
    boolean again = next.mayTryAgain();
    log.warn(
        "worker {} died ({}) {} {}; {}",
        worker.name,
        end,
        busy.started() ? "downloading" : "before it started",
        next.cc(),
        again ? "trying it on another worker" : "giving up on it");
    if (again) {
      pending.addFirst(next);
    } else {
      String reason =
          busy.started()
              ? "worker died twice downloading it (last: " + end + ")"
              : "workers kept dying before they started it (last: " + end + ")";
      results.add(results.failure(worker, busy, reason, next.crashes()));
    }
  }

  /**
   * Stops the workers that are {@link Overdue}: not ready in time, or holding a code for longer
   * than a healthy one could. A frozen worker's code goes on as if it had died.
   */
  void stopOverdueWorkers() {
    long now = System.nanoTime();
    for (WorkerHandle worker : List.copyOf(live)) {
      if (!overdue.at(worker, now)) {
        continue;
      }
      WorkerState state = worker.state();
      retire(worker);
      if (state instanceof WorkerState.Busy busy) {
        long silentMs = (now - busy.sinceNanos()) / 1_000_000;
        log.warn(
            "worker {} silent on {} for {} ms; stopped it",
            worker.name,
            busy.task().cc(),
            silentMs);
        lost(worker, busy, "silent for " + (silentMs + 500) / 1000 + " s, stopped");
      } else {
        log.warn("worker {} not ready after {}; stopped it", worker.name, Overdue.START_TIMEOUT);
        startFailed("not ready after " + Overdue.START_TIMEOUT.toSeconds() + " s");
      }
    }
  }

  /**
   * Starts workers while there is more work than live workers, up to the pool's size; then, with no
   * worker alive and none allowed to start, fails the pending codes: nobody would take them.
   */
  void replenish() {
    long busy = live.stream().filter(w -> w.state() instanceof WorkerState.Busy).count();
    long wanted = Math.min(target, busy + pending.size());
    while (live.size() < wanted && startFailures < Math.max(2, target)) {
      spawn(false);
    }
    if (live.isEmpty()) {
      for (Task task = pending.poll(); task != null; task = pending.poll()) {
        results.add(results.noWorker(task.cc(), lastStartFailure));
      }
    }
  }

  private void spawn(boolean initial) {
    WorkerHandle worker;
    try {
      worker = WorkerHandle.start(command, initial, events);
    } catch (IOException e) {
      startFailed(e.getMessage());
      log.warn("cannot start a worker: {}", e.getMessage());
      return;
    }
    live.add(worker);
    started.add(worker);
    if (settings != null) {
      worker.send(settings);
    }
  }

  private void startFailed(String why) {
    startFailures++;
    lastStartFailure = why;
  }

  /** Stops every worker this pool started (see {@link WorkerHandle#stopAll}). */
  void stopAll() {
    WorkerHandle.stopAll(started);
  }
}
