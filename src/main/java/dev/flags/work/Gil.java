package dev.flags.work;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock you can switch on ({@code --gil}), like CPython's: one per process,
 * held by a flag while it computes and not while it waits for the network, so threads overlap their
 * waits but never their work. Worker processes each have their own, as CPython processes do.
 *
 * <p>Unlike CPython's, it is held for a flag's whole computation: CPython hands its lock to another
 * thread every 5 ms ({@code sys.setswitchinterval}), which interleaves the work but does not make
 * it any faster. Fair: flags get it in the order they asked.
 */
public final class Gil {
  /** No lock: the JVM's own threads, which run in parallel. */
  public static final Gil OFF = new Gil(null);

  private final ReentrantLock lock;

  private Gil(ReentrantLock lock) {
    this.lock = lock;
  }

  /** A new lock for this process (for a run: one per run, and a run per process at a time). */
  public static Gil on() {
    return new Gil(new ReentrantLock(true));
  }

  /** {@link #on()} if {@code enabled}, else {@link #OFF}. */
  public static Gil of(boolean enabled) {
    return enabled ? on() : OFF;
  }

  public boolean enabled() {
    return lock != null;
  }

  /**
   * Waits until the calling thread holds the lock (at once when off); closing the hold releases it.
   *
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  public Hold acquire() throws InterruptedException {
    if (lock == null) {
      return () -> {};
    }
    lock.lockInterruptibly();
    return lock::unlock;
  }

  /** Whether some thread holds it now. */
  public boolean held() {
    return lock != null && lock.isLocked();
  }

  /** About how many threads wait for it now (for tests: a thread is seen blocked, not guessed). */
  public int waiting() {
    return lock == null ? 0 : lock.getQueueLength();
  }

  /** The lock, held until closed. */
  @FunctionalInterface
  public interface Hold extends AutoCloseable {
    @Override
    void close();
  }
}
