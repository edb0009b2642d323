package dev.flags.http;

import dev.flags.outcome.Cause;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The limits of a whole run that every request obeys, whatever strategy schedules it: an optional
 * deadline ({@code --deadline}) and a cancel switch (Ctrl-C). Checked before each attempt, it caps
 * each attempt's timeout by the time left, and backoff waits wake up at once when it is cancelled.
 */
public final class RunGuard {
  private final long deadlineNanos;
  private final boolean hasDeadline;
  private final CountDownLatch cancelled = new CountDownLatch(1);

  private RunGuard(long deadlineNanos, boolean hasDeadline) {
    this.deadlineNanos = deadlineNanos;
    this.hasDeadline = hasDeadline;
  }

  /** No deadline; only cancellation stops the run. */
  public static RunGuard unlimited() {
    return new RunGuard(0, false);
  }

  /** A run that must end by {@code deadlineNanos} ({@link System#nanoTime} clock). */
  public static RunGuard until(long deadlineNanos) {
    return new RunGuard(deadlineNanos, true);
  }

  /** A run started at {@code startNanos} that must end {@code limit} later; zero: no deadline. */
  public static RunGuard after(long startNanos, Duration limit) {
    return limit.isPositive() ? until(startNanos + limit.toNanos()) : unlimited();
  }

  public boolean hasDeadline() {
    return hasDeadline;
  }

  /**
   * Nanoseconds left before the deadline (negative once passed); {@code Long.MAX_VALUE} if none.
   */
  public long nanosLeft() {
    return hasDeadline ? deadlineNanos - System.nanoTime() : Long.MAX_VALUE;
  }

  /** Stops the run: every later check fails and every pause wakes up. Idempotent. */
  public void cancel() {
    cancelled.countDown();
  }

  public boolean cancelled() {
    return cancelled.getCount() == 0;
  }

  /** Why no new work may start: interrupted, past the deadline, or empty if it may. */
  public Optional<Cause> stopCause() {
    if (cancelled()) {
      return Optional.of(new Cause.Interrupted());
    }
    return hasDeadline && nanosLeft() <= 0 ? Optional.of(new Cause.Deadline()) : Optional.empty();
  }

  /**
   * Waits {@code nanos} unless the run is cancelled first (or the thread interrupted, whose flag is
   * kept). Returns whether the whole wait elapsed.
   */
  public boolean pause(long nanos) {
    try {
      return !cancelled.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
