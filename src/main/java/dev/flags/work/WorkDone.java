package dev.flags.work;

/**
 * What a flag's CPU work did and when: it asked for the lock at {@code startNanos}, waited {@code
 * lockWaitNanos} for it, then computed for {@code computeNanos} while holding it. Measured on the
 * clock of the process that did it ({@link System#nanoTime}); in a flag's result, {@link #shifted}
 * onto the run's clock: nanoseconds since the run started.
 *
 * @param rounds rounds done (see {@link CpuWork}); 0: no work
 * @param digest the digest the rounds ended with (hex), or null when no work was done
 * @param startNanos when the flag asked for the lock, right after its download
 * @param lockWaitNanos how long it waited for the lock (0 without {@code --gil})
 * @param computeNanos wall time of the computation
 * @param cpuNanos CPU time of the computation: the thread's own where the JVM measures it (platform
 *     threads), else the wall time (a virtual thread computes on one carrier without yielding)
 */
public record WorkDone(
    long rounds,
    String digest,
    long startNanos,
    long lockWaitNanos,
    long computeNanos,
    long cpuNanos) {

  /** No work: a run without {@code --work}, or a flag that was not downloaded. */
  public static final WorkDone NONE = new WorkDone(0, null, 0, 0, 0, 0);

  /** No work done, at {@code nanos}. */
  public static WorkDone none(long nanos) {
    return new WorkDone(0, null, nanos, 0, 0, 0);
  }

  /** Whether any work was done. */
  public boolean any() {
    return rounds > 0;
  }

  /** The same, {@code nanos} later (or earlier): onto another clock. */
  public WorkDone shifted(long nanos) {
    return any()
        ? new WorkDone(rounds, digest, startNanos + nanos, lockWaitNanos, computeNanos, cpuNanos)
        : this;
  }

  /** When the computation started: once the lock was held. */
  public long computeStartNanos() {
    return startNanos + lockWaitNanos;
  }

  /** When the computation ended, and the lock was released. */
  public long endNanos() {
    return computeStartNanos() + computeNanos;
  }
}
