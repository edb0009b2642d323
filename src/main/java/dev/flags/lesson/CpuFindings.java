package dev.flags.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the lesson's CPU-bound step concludes, computed from its own measurements only, so that no
 * line can claim what its numbers contradict. Each claim is chosen by comparing the figures: where
 * processes lost, it says so and why.
 *
 * @param cores the cores the runs shared
 * @param workers the process pool's worker JVMs
 * @param workMillis the CPU work per flag of the measured runs
 * @param sequential the sequential run with work
 * @param threads threads with work, without the lock
 * @param threadsGil threads with work and the lock
 * @param processes processes with work, without the lock
 * @param processesGil processes with work and the lock
 * @param threadsGilIdle threads with the lock and no work: what the same run costs apart from it
 * @param processesGilIdle processes with the lock and no work: the pool's price apart from the work
 */
public record CpuFindings(
    int cores,
    int workers,
    long workMillis,
    Timing sequential,
    Timing threads,
    Timing threadsGil,
    Timing processes,
    Timing processesGil,
    Timing threadsGilIdle,
    Timing processesGilIdle) {

  /**
   * One run's elapsed time, and the part of it spent waiting for worker JVMs (zero for threads).
   */
  public record Timing(double elapsedSeconds, double startupSeconds) {
    public static Timing of(double elapsedSeconds) {
      return new Timing(elapsedSeconds, 0);
    }
  }

  /** Processes with the lock took at most this share of threads' time with it: a clear win. */
  static final double CLEAR_WIN = 0.9;

  /**
   * The work per flag at which processes with the lock catch up with threads with it: where the
   * line through each pair of runs (no work, {@link #workMillis}) crosses the other. Empty when
   * they never do: processes gain less per ms of work than threads lose (one core, say).
   */
  public Optional<Double> breakEvenMillis() {
    return breakEven(threadsGilIdle, threadsGil, processesGilIdle, processesGil, workMillis);
  }

  /**
   * The crossing of two lines, each through a mode's run without work and with {@code workMillis}:
   * the work per flag at which both take the same time; empty if the second never catches up.
   */
  static Optional<Double> breakEven(
      Timing firstIdle, Timing first, Timing secondIdle, Timing second, long workMillis) {
    double firstSlope = (first.elapsedSeconds() - firstIdle.elapsedSeconds()) / workMillis;
    double secondSlope = (second.elapsedSeconds() - secondIdle.elapsedSeconds()) / workMillis;
    double head = secondIdle.elapsedSeconds() - firstIdle.elapsedSeconds();
    if (secondSlope >= firstSlope) {
      return head <= 0 ? Optional.of(0.0) : Optional.empty();
    }
    return Optional.of(Math.max(0, head / (firstSlope - secondSlope)));
  }

  /**
   * A work per flag at which processes with the lock should clearly beat threads with it here, from
   * the runs without work: the lines of {@link #breakEven} with the slopes of a perfect split,
   * threads taking {@code flags} times the work and the pool {@code flags / workers} times, at the
   * work where processes would take {@value #AIM} of threads' time; rounded up to 50 ms, and
   * between {@code least} and {@code most} (the lesson's length).
   */
  public static long workToShow(
      Timing threadsGilIdle,
      Timing processesGilIdle,
      int flags,
      int workers,
      long least,
      long most) {
    double perMsThreads = flags / 1000.0;
    double perMsProcesses = flags / (double) Math.max(workers, 1) / 1000.0;
    double gain = AIM * perMsThreads - perMsProcesses;
    if (gain <= 0) {
      return least; // one worker: no work size makes processes win
    }
    double ms = (processesGilIdle.elapsedSeconds() - AIM * threadsGilIdle.elapsedSeconds()) / gain;
    return Math.clamp((long) Math.ceil(ms / 50) * 50, least, most);
  }

  /** The share of threads' time {@link #workToShow} aims for processes to take. */
  static final double AIM = 0.6;

  /** The conclusions, one line each, as the lesson prints them. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        line(
            "-> threads: %.1fx sequential without the lock, %.1fx with it%s.",
            ratio(sequential, threads),
            ratio(sequential, threadsGil),
            threadsGil.elapsedSeconds() > threads.elapsedSeconds() * 1.2
                ? ": the lock makes them take turns"
                : ""));
    double share = processesGil.elapsedSeconds() / threadsGil.elapsedSeconds();
    double startup = processesGil.startupSeconds();
    if (share <= CLEAR_WIN) {
      lines.add(
          line(
              "-> with the lock, processes took %.2fx the time of threads, %.2f s of it starting"
                  + " %d worker JVMs: each process has its own lock, so their work ran in parallel."
                  + " A GIL is why Python needs processes for CPU work.",
              share, startup, workers));
    } else if (cores < 2 || workers < 2) {
      lines.add(
          line(
              "-> with the lock, processes took %.2fx the time of threads: with %d core%s and %d"
                  + " worker%s, nothing can run in parallel, so the processes only add their"
                  + " start-up (%.2f s).",
              share, cores, cores == 1 ? "" : "s", workers, workers == 1 ? "" : "s", startup));
    } else {
      lines.add(
          line(
              "-> with the lock, processes took %.2fx the time of threads: starting %d worker"
                  + " JVMs (%.2f s) cost %s running %d ms of work per flag in parallel saved.",
              share, workers, startup, share < 1 ? "nearly as much as" : "more than", workMillis));
    }
    double alone = processes.elapsedSeconds() / threads.elapsedSeconds();
    lines.add(
        alone > 1.05
            ? line(
                "-> without the lock, processes took %.2fx the time of threads (%.2f s more, %.2f s"
                    + " of it starting workers): the JVM's threads already compute in parallel, so"
                    + " a pool has nothing to win.",
                alone,
                processes.elapsedSeconds() - threads.elapsedSeconds(),
                processes.startupSeconds())
            : line(
                "-> without the lock, processes took %.2fx the time of threads: the JVM's threads"
                    + " already compute in parallel, as no lock stops them.",
                alone));
    lines.add(
        breakEvenMillis()
            .map(
                ms ->
                    line(
                        "-> with the lock, processes pay off above ~%d ms of work per flag on this"
                            + " machine (from the runs with and without work).",
                        Math.round(ms)))
            .orElse(
                line(
                    "-> with the lock, processes do not pay off on this machine at any work per"
                        + " flag (from the runs with and without work).")));
    return lines;
  }

  private static double ratio(Timing baseline, Timing run) {
    return baseline.elapsedSeconds() / run.elapsedSeconds();
  }

  @SuppressWarnings("AnnotateFormatMethod") // the formats are constants in this class
  private static String line(String format, Object... args) {
    return "   " + String.format(Locale.ROOT, format, args);
  }
}
