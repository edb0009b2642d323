package dev.flags.download.pool;

import dev.flags.download.RunSpec;
import java.time.Duration;
import java.util.Collection;

/**
 * When a worker is overdue, and so is stopped by the {@link Supervisor}: not ready after {@link
 * #START_TIMEOUT} (taken for one that cannot start), or holding a code past {@link #frozenAfter}
 * (taken for frozen: a frozen worker never answers nor dies by itself, and its code would wait for
 * the run's deadline, or forever). Times are {@link System#nanoTime}'s.
 */
final class Overdue {
  /** A worker not ready by then is taken for one that cannot start. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** What a worker gets beyond the longest a healthy one can take on a code (see frozenAfter). */
  static final Duration FROZEN_MARGIN = Duration.ofSeconds(2);

  private final long frozenNanos;

  Overdue(RunSpec settings) {
    this.frozenNanos = frozenAfter(settings).toNanos();
  }

  /**
   * How long a worker may hold a code before it is taken for frozen ({@code kill -STOP}, a stuck
   * JVM): a healthy one always answers sooner, since every attempt ends at its timeout (the body
   * included) and every wait between attempts at the longest retry wait, for the flag and, with
   * {@code --metadata}, for its metadata.json; then {@link #FROZEN_MARGIN}.
   */
  static Duration frozenAfter(RunSpec settings) {
    int requests = settings.save().metadata() ? 2 : 1;
    return settings.retry().longestRequest().multipliedBy(requests).plus(FROZEN_MARGIN);
  }

  /** Whether {@code worker} is overdue at {@code nowNanos}. */
  boolean at(WorkerHandle worker, long nowNanos) {
    return nowNanos >= dueNanos(worker);
  }

  /** Milliseconds until the first of {@code workers} is overdue (Long.MAX_VALUE: none can be). */
  long millisToNextDue(Collection<WorkerHandle> workers) {
    long now = System.nanoTime();
    long next = Long.MAX_VALUE;
    for (WorkerHandle worker : workers) {
      long at = dueNanos(worker);
      if (at != Long.MAX_VALUE) {
        next = Math.min(next, Math.max(0, (at - now) / 1_000_000 + 1));
      }
    }
    return next;
  }

  /** When a worker is overdue: not ready yet, or busy for too long (Long.MAX_VALUE: never). */
  private long dueNanos(WorkerHandle worker) {
    if (worker.state() instanceof WorkerState.Starting) {
      return worker.startedNanos + START_TIMEOUT.toNanos();
    }
    if (worker.state() instanceof WorkerState.Busy busy) {
      return busy.sinceNanos() + frozenNanos;
    }
    return Long.MAX_VALUE;
  }
}
