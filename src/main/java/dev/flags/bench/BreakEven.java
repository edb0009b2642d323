package dev.flags.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where a process pool overtakes a thread pool as the CPU work per flag grows: the price of its
 * workers' start-up paid back. Computed from the medians at the work sizes measured, nothing else:
 * between the two sizes where the difference changes sign for the last time, linearly.
 */
public sealed interface BreakEven {
  /** Whether both pools ran with the lock. */
  boolean gil();

  /** The sentence the text report prints. */
  String sentence();

  /** What {@code --format json} writes. */
  Summary summary();

  /**
   * The two medians at one work size.
   *
   * @param processesS the process pool's median elapsed time, start-up included
   * @param threadsS the thread pool's
   */
  record Sample(long workMs, double processesS, double threadsS) {
    /** Positive while processes are slower. */
    double gap() {
      return processesS - threadsS;
    }

    double ratio() {
      return threadsS == 0 ? Double.NaN : processesS / threadsS;
    }
  }

  /**
   * Processes were slower at {@code below} and at least as fast at {@code above} and every size
   * after it.
   *
   * @param workMs the work per flag where the lines cross, interpolated linearly
   */
  record Crossing(boolean gil, double workMs, Sample below, Sample above) implements BreakEven {
    /** The two pools' time where they cross: the thread pool's, linear between the sizes. */
    public double timeS() {
      if (below.workMs() == above.workMs()) {
        return below.threadsS();
      }
      double share = (workMs - below.workMs()) / (above.workMs() - below.workMs());
      return below.threadsS() + (above.threadsS() - below.threadsS()) * share;
    }

    @Override
    public String sentence() {
      String where =
          below.equals(above)
              ? "as fast as threads at " + below.workMs() + " ms, faster above"
              : "slower than threads at "
                  + below.workMs()
                  + " ms, "
                  + (above.gap() == 0 ? "as fast" : "faster")
                  + " at "
                  + above.workMs()
                  + " ms; linear in between";
      return String.format(
          Locale.ROOT,
          "%s, processes pay off above ~%.0f ms of work per flag on this machine (%s).",
          lock(gil),
          workMs,
          where);
    }

    @Override
    public Summary summary() {
      return new Summary(gil, "crossing", Math.round(workMs * 10) / 10.0);
    }
  }

  /** Processes were at least as fast at every size measured: the break-even is below them. */
  record FasterThroughout(boolean gil, Sample smallest) implements BreakEven {
    @Override
    public String sentence() {
      return String.format(
          Locale.ROOT,
          "%s, processes were faster than threads at every size measured, already at %d ms of"
              + " work per flag (%.2fx the time): they pay off below that on this machine.",
          lock(gil),
          smallest.workMs(),
          smallest.ratio());
    }

    @Override
    public Summary summary() {
      return new Summary(gil, "faster_throughout", null);
    }
  }

  /** Processes were still slower at the largest size measured: no break-even within the sizes. */
  record SlowerAtLargest(boolean gil, long smallestMs, Sample largest) implements BreakEven {
    @Override
    public String sentence() {
      return String.format(
          Locale.ROOT,
          "%s, processes did not overtake threads within the sizes measured (%s ms of work per"
              + " flag): still %.2fx the time at %d ms; they would pay off, if at all, above %d ms.",
          lock(gil),
          smallestMs == largest.workMs()
              ? String.valueOf(smallestMs)
              : smallestMs + "-" + largest.workMs(),
          largest.ratio(),
          largest.workMs(),
          largest.workMs());
    }

    @Override
    public Summary summary() {
      return new Summary(gil, "slower_at_largest", null);
    }
  }

  /**
   * One element of {@code --format json}'s {@code break_even}.
   *
   * @param outcome {@code crossing}, {@code faster_throughout} or {@code slower_at_largest}
   * @param workMs where the lines cross; null unless they do
   */
  @JsonPropertyOrder({"gil", "outcome", "work_ms"})
  record Summary(
      @JsonProperty("gil") boolean gil,
      @JsonProperty("outcome") String outcome,
      @JsonProperty("work_ms") Double workMs) {}

  /**
   * The break-even from the medians at each work size (in any order, at least one).
   *
   * <p>The pool pays off above the last size where it was slower, if it was at least as fast at
   * every size after that one: the crossing lies between the two, where the straight line between
   * their gaps reaches zero (exactly at a size where the two took the same time).
   */
  static BreakEven of(boolean gil, List<Sample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no work size measured");
    }
    List<Sample> sorted =
        samples.stream().sorted(Comparator.comparingLong(Sample::workMs)).toList();
    Sample first = sorted.getFirst();
    Sample last = sorted.getLast();
    if (last.gap() > 0) {
      return new SlowerAtLargest(gil, first.workMs(), last);
    }
    int slower = -1;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).gap() > 0) {
        slower = i;
      }
    }
    if (slower < 0) {
      return first.gap() == 0
          ? new Crossing(gil, first.workMs(), first, first)
          : new FasterThroughout(gil, first);
    }
    Sample below = sorted.get(slower);
    Sample above = sorted.get(slower + 1);
    double share = below.gap() / (below.gap() - above.gap());
    double crossing = below.workMs() + (above.workMs() - below.workMs()) * share;
    return new Crossing(gil, crossing, below, above);
  }

  private static String lock(boolean gil) {
    return gil ? "With the GIL" : "Without the GIL";
  }
}
