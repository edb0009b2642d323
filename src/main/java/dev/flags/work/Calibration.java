package dev.flags.work;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * How many rounds of {@link CpuWork} make a given time of CPU work on this machine, measured once
 * per run (in the parent: every flag, in every worker process, then does the same rounds).
 *
 * <p>Short and robust on a busy machine: it first warms the work up until the JIT has finished with
 * it (the compiler has gone quiet and the speed stopped improving; the first rounds run in the
 * interpreter, many times slower), then times a few batches and takes the median time per round.
 * Batches are timed by the thread's CPU time, so a batch during which other processes had the core
 * does not look slower than it is; the median drops the odd one that still does.
 */
public final class Calibration {
  /** Least CPU time spent warming up, however quiet the JIT looks. */
  static final long WARM_UP_MIN_NANOS = Duration.ofMillis(100).toNanos();

  /** Most wall time spent warming up (a busy machine's JIT may be slow to get to it). */
  static final long WARM_UP_MAX_NANOS = Duration.ofSeconds(2).toNanos();

  /** How many of the last warm-up batches must show a quiet JIT and no faster rounds. */
  static final int QUIET_BATCHES = 10;

  /** CPU time of a warm-up batch, and of a measured one. */
  static final long WARM_UP_BATCH_NANOS = Duration.ofMillis(2).toNanos();

  static final long MEASURED_BATCH_NANOS = Duration.ofMillis(10).toNanos();

  /** Batches measured after the warm-up; their median is the figure. */
  static final int MEASURED_BATCHES = 7;

  /** What calibration measures with: the work, and the clocks. Tests give their own. */
  interface Probe {
    /** Runs {@code rounds} rounds of the work. */
    void run(long rounds);

    /** CPU time of the calling thread (or wall time where it is not measured), in ns. */
    long cpuNanos();

    /** Wall time, in ns ({@link System#nanoTime}). */
    long wallNanos();

    /** The JIT's total compilation time so far, in ms (constant if unknown). */
    long compilerMillis();
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

  /**
   * Only warms the work up: a worker process does this before it says it is ready, so that its
   * first flag's work runs compiled, as the parent's calibration did.
   */
  public void warmUpOnly() {
    warmUp();
  }

  /** Warms the work up, then returns the median CPU time of a round over the measured batches. */
  public double nanosPerRound() {
    double perRound = warmUp();
    double[] measured = new double[MEASURED_BATCHES];
    for (int i = 0; i < MEASURED_BATCHES; i++) {
      long rounds = roundsLasting(MEASURED_BATCH_NANOS, perRound);
      measured[i] = time(rounds) / (double) rounds;
    }
    Arrays.sort(measured);
    return measured[MEASURED_BATCHES / 2];
  }

  /** Runs batches until the JIT is done with the work; returns the time of a round by then. */
  private double warmUp() {
    long wallStart = probe.wallNanos();
    long cpu = 0;
    long rounds = 64;
    double best = Double.MAX_VALUE;
    double latest = Double.MAX_VALUE;
    int quiet = 0;
    while (probe.wallNanos() - wallStart < WARM_UP_MAX_NANOS) {
      long compiled = probe.compilerMillis();
      long took = time(rounds);
      cpu += took;
      latest = Math.max(took, 1) / (double) rounds;
      boolean faster = latest < best * 0.9;
      best = Math.min(best, latest);
      quiet = faster || probe.compilerMillis() != compiled ? 0 : quiet + 1;
      if (quiet >= QUIET_BATCHES && cpu >= WARM_UP_MIN_NANOS) {
        break;
      }
      rounds = roundsLasting(WARM_UP_BATCH_NANOS, latest);
    }
    return latest;
  }

  private static long roundsLasting(long nanos, double perRound) {
    return Math.max(1, (long) (nanos / perRound));
  }

  private long time(long rounds) {
    long start = probe.cpuNanos();
    probe.run(rounds);
    return probe.cpuNanos() - start;
  }

  /** The real work and clocks. */
  private static final class MachineProbe implements Probe {
    private final byte[] seed = "calibration".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
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
    public long wallNanos() {
      return System.nanoTime();
    }

    @Override
    public long compilerMillis() {
      return compiler != null && compiler.isCompilationTimeMonitoringSupported()
          ? compiler.getTotalCompilationTime()
          : 0;
    }

    @Override
    public String toString() {
      return "machine probe (" + sink + ")";
    }
  }
}
