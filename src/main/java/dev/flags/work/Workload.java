package dev.flags.work;

import java.time.Duration;

/**
 * The CPU work a run gives each flag ({@code --work MS}): the time asked for, and the rounds the
 * parent calibrated for it once, which every flag then does, in every mode and worker process.
 *
 * @param time the CPU time asked for per flag; zero: no work
 * @param rounds the rounds of {@link CpuWork} that take about that long here; 0 when no work
 */
public record Workload(Duration time, long rounds) {
  /** No work: a run without {@code --work}. */
  public static final Workload NONE = new Workload(Duration.ZERO, 0);

  public Workload {
    if (rounds < 0 || time.isNegative()) {
      throw new IllegalArgumentException("no negative work: " + time + ", " + rounds + " rounds");
    }
  }

  /** The rounds for {@code time}, calibrated on this machine now ({@link #NONE} for zero). */
  public static Workload calibrated(Duration time) {
    return time.isZero() ? NONE : new Workload(time, Calibration.ofThisMachine().roundsFor(time));
  }

  public boolean any() {
    return rounds > 0;
  }

  /**
   * How long one round took where it was calibrated: a worker process warms up until its rounds run
   * as fast.
   */
  public double nanosPerRound() {
    return any() ? time.toNanos() / (double) rounds : 0;
  }

  /** The work each flag does. */
  public CpuWork work() {
    return CpuWork.ofRounds(rounds);
  }
}
