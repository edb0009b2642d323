package dev.flags.work;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * How many rounds of {@link CpuWork} make a given time of CPU work on this machine, measured once
 * per run in the parent; every flag, in every worker process too, then does the same rounds.
 *
 * <p>Short and robust on a busy machine: a few batches first (the first calls initialise the
 * checksum's classes, the next let the JIT compile the loop around it), then a few timed batches,
 * of which the median time per round is the figure. Batches are timed by the thread's CPU time, so
 * a batch during which other processes had the core does not look slower than it is; the median
 * drops the odd one that still does. No long wait for the JIT: the checksum runs as fast
 * interpreted as compiled (see {@link CpuWork}), which is also why a worker process computes the
 * same rounds in about the same time without a warm-up of its own.
 */
public final class Calibration {
  /**
   * Batches run before the measured ones, and not counted: the first loads the checksum's classes,
   * and by the last the JIT has compiled a round's bookkeeping, as it does early in a flag's work.
   */
  static final int WARM_UP_BATCHES = 8;

  /** Batches measured; their median is the figure. */
  static final int MEASURED_BATCHES = 7;

  /** CPU time of a batch. */
  static final long BATCH_NANOS = Duration.ofMillis(4).toNanos();

  /** The rounds of the first batch, before any speed is known: far below a batch's time. */
  static final long FIRST_ROUNDS = 16;

  /** What calibration measures with: the work, and the thread's CPU clock. Tests give their own. */
  interface Probe {
    /** Runs {@code rounds} rounds of the work. */
    void run(long rounds);

    /** CPU time of the calling thread (or wall time where it is not measured), in ns. */
    long cpuNanos();
  }

  private final Probe probe;

  Calibration(Probe probe) {
    this.probe = probe;
  }

  /** Calibration of {@link CpuWork} on this machine and JVM. */
  public static Calibration ofThisMachine() {
    return new Calibration(new MachineProbe());
  }

  /**
   * The rounds that take {@code work} of CPU time here: at least 1 for any positive time, 0 for
   * none (then nothing is measured).
   */
  public long roundsFor(Duration work) {
    if (work.isZero() || work.isNegative()) {
      return 0;
    }
    return Math.max(1, Math.round(work.toNanos() / nanosPerRound()));
  }

  /** The median CPU time of a round over the measured batches, after the warm-up batches. */
  public double nanosPerRound() {
    double perRound = time(FIRST_ROUNDS) / (double) FIRST_ROUNDS;
    for (int i = 1; i < WARM_UP_BATCHES; i++) {
      long rounds = roundsLasting(perRound);
      perRound = time(rounds) / (double) rounds;
    }
    double[] measured = new double[MEASURED_BATCHES];
    for (int i = 0; i < MEASURED_BATCHES; i++) {
      long rounds = roundsLasting(perRound);
      measured[i] = time(rounds) / (double) rounds;
    }
    Arrays.sort(measured);
    return measured[MEASURED_BATCHES / 2];
  }

  private static long roundsLasting(double perRound) {
    return Math.max(1, (long) (BATCH_NANOS / Math.max(perRound, 1)));
  }

  private long time(long rounds) {
    long start = probe.cpuNanos();
    probe.run(rounds);
    return Math.max(1, probe.cpuNanos() - start);
  }

  /** The real work and clock. */
  private static final class MachineProbe implements Probe {
    private final byte[] seed = "calibration".getBytes(StandardCharsets.US_ASCII);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();

    /** Keeps the digests alive, so the JIT cannot drop the work as unused. */
    private int sink;

    @Override
    public void run(long rounds) {
      sink += CpuWork.ofRounds(rounds).digest(seed).hashCode();
    }

    @Override
    public long cpuNanos() {
      long cpu = cpuTimed ? threads.getCurrentThreadCpuTime() : -1;
      return cpu >= 0 ? cpu : System.nanoTime();
    }

    @Override
    public String toString() {
      return "machine probe (" + sink + ")";
    }
  }
}
