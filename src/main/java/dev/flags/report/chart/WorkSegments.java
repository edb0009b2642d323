package dev.flags.report.chart;

import dev.flags.download.FlagResult;
import dev.flags.report.RunReport;
import dev.flags.work.WorkDone;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.jfree.data.xy.XYIntervalSeries;

/**
 * The timeline's segments for {@code --work}: after its download, each flag's bar goes on with the
 * time it waited for its process's lock ({@code --gil}) and the time it computed, so a run with the
 * lock shows computing segments that never overlap across the lanes of one process while the
 * downloads do.
 */
final class WorkSegments {
  private WorkSegments() {}

  /** One phase of the work: a series of its own, so the legend names it. */
  record Phase(
      String name,
      String cssClass,
      Color colour,
      ToLongFunction<WorkDone> startNanos,
      ToLongFunction<WorkDone> endNanos) {

    /** The flags that spent time in this phase. */
    List<FlagResult> bars(List<FlagResult> results) {
      return results.stream()
          .filter(r -> r.work().any())
          .filter(r -> endNanos.applyAsLong(r.work()) > startNanos.applyAsLong(r.work()))
          .toList();
    }

    XYIntervalSeries series(List<FlagResult> results, Lanes lanes) {
      List<FlagResult> bars = bars(results);
      XYIntervalSeries series = new XYIntervalSeries(name + " (" + bars.size() + ")", false, true);
      for (FlagResult r : bars) {
        int lane = lanes.of(r);
        double start = startNanos.applyAsLong(r.work()) / 1e9;
        double end = endNanos.applyAsLong(r.work()) / 1e9;
        series.add(lane, lane - 0.4, lane + 0.4, start, start, end);
      }
      return series;
    }

    /** The hover text of one segment. */
    String describe(FlagResult r) {
      WorkDone work = r.work();
      return String.format(
          Locale.ROOT,
          "%s %s: %.3f s from %.3f s on %s (%d rounds, %.3f s of CPU)",
          r.cc(),
          name,
          (endNanos.applyAsLong(work) - startNanos.applyAsLong(work)) / 1e9,
          startNanos.applyAsLong(work) / 1e9,
          r.worker(),
          work.rounds(),
          work.cpuNanos() / 1e9);
    }
  }

  private static final Phase LOCK_WAIT =
      new Phase(
          "waiting for the GIL",
          "lock-wait",
          Palette.series(3),
          WorkDone::startNanos,
          WorkDone::computeStartNanos);

  private static final Phase COMPUTING =
      new Phase(
          "computing",
          "compute",
          Palette.series(0),
          WorkDone::computeStartNanos,
          WorkDone::endNanos);

  /** The phases a run's bars show: the lock's wait only if it had the lock. */
  static List<Phase> phases(RunReport report) {
    return report.gil() ? List.of(LOCK_WAIT, COMPUTING) : List.of(COMPUTING);
  }
}
