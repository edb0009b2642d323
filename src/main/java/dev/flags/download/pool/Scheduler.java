package dev.flags.download.pool;

import dev.flags.download.FlagResult;
import dev.flags.download.PoolHost;
import dev.flags.download.ResultListener;
import dev.flags.download.RunSpec;
import dev.flags.download.WorkerStartup;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling loop of one pool run, on the calling thread alone: hands the next code to a free
 * worker, answers its claims, collects its result, and after every event lets the {@link
 * Supervisor} mend the pool. The workers' reader threads only queue events, so nothing here needs a
 * lock. The run's end is not decided here: the engine interrupts the loop (Ctrl-C, the deadline's
 * grace), and the pool stops its workers.
 */
final class Scheduler {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  private final PoolHost run;
  private final Message.Settings settings;
  private final Deque<Task> pending = new ArrayDeque<>();
  private final PoolResults results;
  private final Supervisor supervisor;
  private final int total;

  Scheduler(
      PoolHost run,
      RunSpec spec,
      List<String> command,
      List<String> codes,
      ResultListener listener) {
    this.run = run;
    this.settings = new Message.Settings(spec, run.deadlineEpochMillis());
    this.total = codes.size();
    this.results = new PoolResults(listener, run.runStartNanos());
    codes.forEach(cc -> pending.add(Task.of(cc)));
    int workers = spec.parallelism().size(total);
    this.supervisor = new Supervisor(command, workers, spec, pending, results, run.runStartNanos());
  }

  /** Each worker's start-up (see {@link Supervisor#startups}). */
  List<WorkerStartup> workerStartups() {
    return supervisor.startups();
  }

  /** How long the initial workers took to be ready (see {@link Supervisor#startupTime}). */
  Duration startupTime() {
    return supervisor.startupTime();
  }

  /** Stops every worker; the run's results stay. */
  void stopWorkers() {
    supervisor.stopAll();
  }

  void run() throws InterruptedException {
    supervisor.startAll();
    // A message's first use is slow on a cold JVM: pay for it while the workers boot.
    supervisor.send(settings);
    Messages.warmUpParent();
    supervisor.replenish();
    while (results.size() < total) {
      switch (supervisor.nextEvent()) {
        case WorkerHandle.Said said -> heard(said.worker(), said.line());
        case WorkerHandle.Exited exited -> supervisor.exited(exited.worker(), exited.exitCode());
        case null -> {} // nothing came in time: a worker is overdue
      }
      supervisor.stopOverdueWorkers();
      assignIdleWorkers();
      supervisor.replenish();
    }
  }

  private void heard(WorkerHandle worker, String line) {
    Message.ToParent message = Messages.toParent(line).orElse(null);
    WorkerState state = worker.state();
    if (state instanceof WorkerState.Busy busy) {
      heard(worker, busy, message, line);
    } else if (state instanceof WorkerState.Starting) {
      switch (message) {
        case Message.Ready ready -> supervisor.ready(worker);
        case Message.Started started -> early(worker, line);
        case Message.Claim claim -> early(worker, line);
        case Message.Result result -> early(worker, line);
        case null -> early(worker, line);
      }
    } else if (state instanceof WorkerState.Idle) {
      log.warn("worker {} said out of turn: {}; replacing it", worker.name, Messages.shown(line));
      supervisor.retire(worker);
    } // else gone: stopped on purpose, its code settled
  }

  /** A busy worker said {@code message} ({@code line}; null if it is no message). */
  private void heard(
      WorkerHandle worker, WorkerState.Busy busy, Message.ToParent message, String line) {
    String cc = busy.task().cc();
    // Each message counts only when it is the one expected now; anything else is a bad result.
    switch (message) {
      case Message.Started started -> {
        if (!busy.started() && started.cc().equals(cc)) {
          // its start on this run's clock, to a pipe's hop
          worker.state(new WorkerState.Downloading(busy.task(), System.nanoTime()));
        } else {
          badResult(worker, busy, line);
        }
      }
      case Message.Claim claim -> {
        if (busy.started()) {
          // One file per flag across all workers: the run's names are reserved here.
          boolean granted = claim.cc().equals(cc) && run.claim(claim.fileName(), cc);
          worker.send(new Message.Claimed(granted));
        } else {
          badResult(worker, busy, line);
        }
      }
      case Message.Result result -> {
        if (isResultFor(result.result(), cc)) {
          worker.state(WorkerState.IDLE);
          results.add(results.fromWorker(result.result(), busy));
        } else {
          badResult(worker, busy, line);
        }
      }
      case Message.Ready ready -> badResult(worker, busy, line);
      case null -> badResult(worker, busy, line);
    }
  }

  /** Its stdout can no longer be trusted to line up with our codes: fail the code, replace it. */
  private void badResult(WorkerHandle worker, WorkerState.Busy busy, String line) {
    log.warn("worker {} sent a bad result for {}; replacing it", worker.name, busy.task().cc());
    int attempts = busy.task().crashes() + (busy.started() ? 1 : 0);
    supervisor.retire(worker);
    String error = "worker sent a bad result: " + Messages.shown(line);
    results.add(results.failure(worker, busy, error, attempts));
  }

  private static void early(WorkerHandle worker, String line) {
    log.warn("worker {} said before it was ready: {}", worker.name, Messages.shown(line));
  }

  private static boolean isResultFor(FlagResult result, String cc) {
    return result != null && cc.equals(result.cc()) && result.outcome() != null;
  }

  /** Gives the next pending codes to the workers that are free. */
  private void assignIdleWorkers() {
    for (WorkerHandle worker : supervisor.live()) {
      Task task = pending.peekFirst();
      if (task != null && worker.state() instanceof WorkerState.Idle) {
        pending.pollFirst();
        worker.state(new WorkerState.Handed(task, System.nanoTime()));
        worker.send(new Message.Download(task.cc())); // if it is dead, its Exited hands it on
      }
    }
  }
}
