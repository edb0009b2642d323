package dev.flags.bench;

import dev.flags.work.Calibration;
import dev.flags.work.Workload;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The work sizes of {@code flags bench --work 10,50,200}, calibrated. */
public final class WorkSizes {
  private WorkSizes() {}

  /**
   * The rounds for each size, from one calibration ({@link Calibration#roundsFor} would measure
   * anew for each size; one measurement keeps the sizes' rounds in proportion), each told on {@code
   * progress}; {@link Workload#NONE} alone when no size asks for work.
   */
  public static List<Workload> calibrated(List<Duration> sizes, PrintWriter progress) {
    if (sizes.stream().allMatch(Duration::isZero)) {
      return List.of(Workload.NONE);
    }
    long start = System.nanoTime();
    double perRound = Calibration.ofThisMachine().nanosPerRound();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Workload> workloads = new ArrayList<>();
    for (Duration size : sizes) {
      Workload workload =
          size.isZero()
              ? Workload.NONE
              : new Workload(size, Math.max(1, Math.round(size.toNanos() / perRound)));
      workloads.add(workload);
      progress.printf(
          Locale.ROOT,
          "bench: %d ms of work = %d rounds of CRC-32C (calibrated in %.2f s)%n",
          size.toMillis(),
          workload.rounds(),
          seconds);
      progress.flush();
    }
    return workloads;
  }
}
