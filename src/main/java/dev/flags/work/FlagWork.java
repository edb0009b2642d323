package dev.flags.work;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;

/**
 * A flag's CPU-bound step, after its download and in the same worker: take the lock (when {@code
 * --gil} is on), compute, release, and record how long each took. One per run and process: every
 * flag of the run does the same {@link CpuWork} under the same {@link Gil}.
 */
public final class FlagWork {
  /** No work and no lock: a run without {@code --work}. */
  public static final FlagWork NONE = new FlagWork(CpuWork.NONE, Gil.OFF);

  private final CpuWork work;
  private final Gil gil;
  private final ThreadMXBean threads;

  public FlagWork(CpuWork work, Gil gil) {
    this.work = work;
    this.gil = gil;
    // java.management is loaded only by runs that compute.
    this.threads = work.any() ? ManagementFactory.getThreadMXBean() : null;
  }

  public CpuWork work() {
    return work;
  }

  public Gil gil() {
    return gil;
  }

  /**
   * Does the work over {@code bytes} on the calling thread; {@code stop} cuts it short (the run was
   * cancelled). Interrupted while waiting for the lock: no work, and the thread stays interrupted.
   */
  @SuppressWarnings("try") // the hold is the lock itself: held for the block, released by close
  public WorkDone perform(byte[] bytes, BooleanSupplier stop) {
    long start = System.nanoTime();
    if (!work.any()) {
      return WorkDone.none(start);
    }
    try (Gil.Hold hold = gil.acquire()) {
      long computeStart = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      CpuWork.Result result = work.apply(bytes, stop);
      long cpuEnd = threads.getCurrentThreadCpuTime();
      long computeEnd = System.nanoTime();
      long wall = computeEnd - computeStart;
      long cpu = cpuStart < 0 || cpuEnd < 0 ? wall : cpuEnd - cpuStart;
      return new WorkDone(result.rounds(), result.digest(), start, computeStart - start, wall, cpu);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new WorkDone(0, null, start, System.nanoTime() - start, 0, 0);
    }
  }
}
