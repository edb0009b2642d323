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
 *
 * <p>How long "finished" takes depends on the JIT the run has ({@link JitMode}). With C1 alone (the
 * launcher's short runs) the work is compiled once, early, and a short warm-up holds. With the full
 * tiered JIT ({@code flags bench}) C2 compiles it later, in the background, after C1 has run it for
 * a while at a steady speed that looks final but is not: the warm-up then lasts at least long
 * enough for C2's thresholds and its compile queue, and until the speed has not improved for a long
 * stretch.
 */
public final class Calibration {
  /**
   * How long the warm-up lasts: it may end once it has spent {@code minCpuNanos} of CPU time on at
   * least {@code minRounds} rounds, and the last {@code steadyBatches} batches ran no round faster
   * than the best before them and saw no compilation end; it ends after {@code maxWallNanos} of
   * wall time whatever it saw.
   */
  record WarmUp(long minCpuNanos, long minRounds, int steadyBatches, long maxWallNanos) {
    /** C1 alone: compiled early and once. */
    static final WarmUp C1 =
        new WarmUp(Duration.ofMillis(100).toNanos(), 0, 10, Duration.ofSeconds(2).toNanos());

    /**
     * A top tier: C2 compiles after thousands of calls (more while its queue is long), in the
     * background, so a steady C1 speed is not the end; the window is long enough to cover a
     * compilation under way, and the bound is higher for a busy machine's slower compile queue.
     */
    static final WarmUp TOP_TIER =
        new WarmUp(Duration.ofMillis(300).toNanos(), 200_000, 100, Duration.ofSeconds(4).toNanos());

    static WarmUp of(boolean topTier) {
      return topTier ? TOP_TIER : C1;
    }
  }

  /** A batch faster than the best by more than this share is progress (the JIT is not done). */
  static final double FASTER = 0.1;

  /**
   * How much slower than its target a worker's round may run and count as warm: workers compute
   * side by side, each core busy, and run a round somewhat slower than the parent did alone; C1's
   * code runs it several times slower than C2's, so this margin still tells the two apart.
   */
  static final double TARGET_MARGIN = 0.25;

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

    /** Whether a top tier (C2) compiles the work after C1 has run it ({@link JitMode#topTier}). */
    boolean topTier();
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
   * first flag's work runs compiled, as the parent's calibration did. It ends as soon as a round
   * takes no longer than {@code targetNanosPerRound} (the parent's time per round) once the least
   * rounds of the warm-up are done: the JIT here has got as far as the parent's had, and waiting
   * for a steady speed as well would only delay the worker's start. Without a target (0), or when
   * the speed never gets there, it lasts as long as calibration's warm-up.
   */
  public void warmUpOnly(double targetNanosPerRound) {
    warmUp(targetNanosPerRound);
  }

  /** Warms the work up, then returns the median CPU time of a round over the measured batches. */
  public double nanosPerRound() {
    double perRound = warmUp(0);
    double[] measured = new double[MEASURED_BATCHES];
    for (int i = 0; i < MEASURED_BATCHES; i++) {
      long rounds = roundsLasting(MEASURED_BATCH_NANOS, perRound);
      measured[i] = time(rounds) / (double) rounds;
    }
    Arrays.sort(measured);
    return measured[MEASURED_BATCHES / 2];
  }

  /**
   * Runs batches until the JIT is done with the work, or a round is as fast as {@code target};
   * returns the time of a round by then.
   */
  private double warmUp(double target) {
    WarmUp until = WarmUp.of(probe.topTier());
    long wallStart = probe.wallNanos();
    long cpu = 0;
    long done = 0;
    long rounds = 64;
    double best = Double.MAX_VALUE;
    double latest = Double.MAX_VALUE;
    int steady = 0;
    while (probe.wallNanos() - wallStart < until.maxWallNanos()) {
      long compiled = probe.compilerMillis();
      long took = time(rounds);
      cpu += took;
      done += rounds;
      latest = Math.max(took, 1) / (double) rounds;
      boolean faster = latest < best * (1 - FASTER);
      best = Math.min(best, latest);
      steady = faster || probe.compilerMillis() != compiled ? 0 : steady + 1;
      boolean reached = latest <= target * (1 + TARGET_MARGIN);
      boolean settled = steady >= until.steadyBatches() && cpu >= until.minCpuNanos();
      if (done >= until.minRounds() && (reached || settled)) {
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
    public boolean topTier() {
      return JitMode.ofThisJvm().topTier();
    }

    @Override
    public String toString() {
      return "machine probe (" + sink + ")";
    }
  }
}
