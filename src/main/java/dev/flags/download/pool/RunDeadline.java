package dev.flags.download.pool;

import dev.flags.download.CompletionLoop;
import dev.flags.download.DownloadOne;
import java.util.Collection;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * When the parent stops waiting for its workers, and what the flags still out get then: the run's
 * deadline and cancellation as the pool sees them, all in this class. Workers cut their calls at
 * the run's deadline and report it themselves; {@link CompletionLoop#GRACE_NANOS} after it, or once
 * the run is cancelled, whatever is still out is given up.
 */
final class RunDeadline {
  private final DownloadOne run;

  RunDeadline(DownloadOne run) {
    this.run = run;
  }

  /** Until the parent stops waiting (Long.MAX_VALUE: no deadline). */
  long millisToGiveUp() {
    long left = run.nanosLeft();
    if (left == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return TimeUnit.NANOSECONDS.toMillis(left + CompletionLoop.GRACE_NANOS);
  }

  /**
   * Cancelling the parent's calls does not reach the workers (stopping them does): the pool looks
   * here whether the run is over.
   */
  boolean over() {
    return run.cancelled() || millisToGiveUp() <= 0;
  }

  /** Reports every code still held by a worker or pending as unfinished, and forgets them. */
  void giveUp(Collection<WorkerHandle> workers, Deque<Task> pending, PoolResults results) {
    for (WorkerHandle worker : workers) {
      if (worker.state() instanceof WorkerState.Busy busy) {
        results.add(run.unfinished(busy.task().cc()));
        worker.state(WorkerState.IDLE);
      }
    }
    for (Task task = pending.poll(); task != null; task = pending.poll()) {
      results.add(run.unfinished(task.cc()));
    }
  }
}
