package dev.flags.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flags.bench.BreakEven.Sample;
import dev.flags.download.Mode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The sweep over work sizes, its break-even and both charts' models, all from given timings: what
 * the tool concludes and draws from a set of medians, never how fast anything ran.
 */
class WorkSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A row with only the figures the sweep and the charts read. */
  static BenchRow row(String mode, boolean gil, long workMs, double medianS, double startupS) {
    int maxReq = mode.equals("processes") ? 2 : 20;
    return new BenchRow(
        Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)),
        maxReq,
        1,
        medianS,
        medianS,
        medianS,
        20 / medianS,
        null,
        null,
        null,
        startupS,
        0,
        0,
        List.of(medianS),
        gil,
        workMs,
        workMs * 1000,
        null,
        null,
        medianS - startupS);
  }

  private static BenchReport report(List<BenchRow> rows) {
    return new BenchReport(
        "EMBEDDED", "http://127.0.0.1:1/flags", 0L, 20, 3, 1, 2, "25", "t", rows, 10, 10_000, null);
  }

  /** Threads and processes with the lock at 10, 50 and 200 ms: processes win from 50 on. */
  private static List<BenchRow> sweepRows() {
    return List.of(
        row("threads", true, 10, 0.3, 0),
        row("processes", true, 10, 1.1, 0.5),
        row("threads", true, 50, 1.0, 0),
        row("processes", true, 50, 0.9, 0.5),
        row("threads", true, 200, 4.0, 0),
        row("processes", true, 200, 2.6, 0.5));
  }

  @Test
  void theSweepHasALinePerModeAndLockWithAPointPerWorkSize() {
    List<BenchRow> rows = new ArrayList<>(sweepRows());
    rows.add(row("threads", false, 10, 0.2, 0));
    rows.add(row("threads", false, 50, 0.6, 0));

    WorkSweep sweep = WorkSweep.of(rows);

    assertThat(sweep.worksMs()).containsExactly(10L, 50L, 200L);
    assertThat(sweep.sweeps()).isTrue();
    assertThat(sweep.lines())
        .extracting(WorkSweep.Line::label)
        .containsExactly("threads, GIL on", "processes, GIL on", "threads, GIL off");
    assertThat(sweep.lines().getFirst().points())
        .containsExactly(
            new WorkSweep.Point(10, 0.3),
            new WorkSweep.Point(50, 1.0),
            new WorkSweep.Point(200, 4.0));
    assertThat(sweep.lines().get(2).points()).hasSize(2); // a line has the points it has
    assertThat(WorkSweep.of(List.of(row("threads", false, 50, 1, 0))).sweeps()).isFalse();
  }

  @Test
  void aModeAtSeveralConcurrenciesGetsALinePerConcurrencyAndTheFastestCounts() {
    BenchRow slowThreads =
        new BenchRow(
            Mode.THREADS,
            2,
            1,
            9,
            9,
            9,
            1,
            null,
            null,
            null,
            0,
            0,
            0,
            List.of(9.0),
            true,
            10,
            1,
            null,
            null,
            9);
    List<BenchRow> rows = new ArrayList<>(sweepRows());
    rows.add(slowThreads);

    WorkSweep sweep = WorkSweep.of(rows);

    assertThat(sweep.lines())
        .extracting(WorkSweep.Line::label)
        .contains("threads -m 20, GIL on", "threads -m 2, GIL on", "processes, GIL on");
    // threads -m 2's 9 s at 10 ms does not make processes look faster there.
    assertThat(sweep.breakEven(true).orElseThrow())
        .isInstanceOfSatisfying(
            BreakEven.Crossing.class, c -> assertThat(c.below().workMs()).isEqualTo(10));
  }

  @Test
  void theBreakEvenIsInterpolatedBetweenTheSizesWhereTheGapChangesSign() {
    BreakEven found = WorkSweep.of(sweepRows()).breakEven(true).orElseThrow();

    // Gap (processes - threads): +0.8 at 10 ms, -0.1 at 50 ms: zero at 10 + 40 x 0.8 / 0.9.
    assertThat(found)
        .isInstanceOfSatisfying(
            BreakEven.Crossing.class,
            c -> {
              assertThat(c.workMs()).isCloseTo(10 + 40 * 0.8 / 0.9, within(1e-9));
              assertThat(c.timeS()).isCloseTo(0.3 + 0.7 * 0.8 / 0.9, within(1e-9));
            });
    assertThat(found.sentence())
        .isEqualTo(
            "With the GIL, processes pay off above ~46 ms of work per flag on this machine"
                + " (slower than threads at 10 ms, faster at 50 ms; linear in between).");
    assertThat(WorkSweep.of(sweepRows()).breakEven(false)).isEmpty(); // not measured without it
  }

  @Test
  void processesSlowerAtEverySizeHaveNoBreakEvenWithinThem() {
    BreakEven found =
        BreakEven.of(true, List.of(new Sample(10, 1.1, 0.3), new Sample(50, 1.5, 1.0)));

    assertThat(found).isInstanceOf(BreakEven.SlowerAtLargest.class);
    assertThat(found.summary()).isEqualTo(new BreakEven.Summary(true, "slower_at_largest", null));
    assertThat(found.sentence())
        .isEqualTo(
            "With the GIL, processes did not overtake threads within the sizes measured (10-50 ms"
                + " of work per flag): still 1.50x the time at 50 ms; they would pay off, if at"
                + " all, above 50 ms.");
  }

  @Test
  void processesFasterAtEverySizePayOffBelowTheSmallest() {
    BreakEven found =
        BreakEven.of(false, List.of(new Sample(200, 2.0, 4.0), new Sample(50, 0.5, 1.0)));

    assertThat(found)
        .isInstanceOfSatisfying(
            BreakEven.FasterThroughout.class, f -> assertThat(f.smallest().workMs()).isEqualTo(50));
    assertThat(found.sentence())
        .startsWith("Without the GIL, processes were faster than threads at every size measured,")
        .contains("already at 50 ms of work per flag (0.50x the time)");
  }

  @Test
  void anExactTieIsTheBreakEvenItself() {
    BreakEven tieAfterSlower =
        BreakEven.of(
            true,
            List.of(new Sample(10, 1.1, 0.3), new Sample(50, 1.0, 1.0), new Sample(200, 2, 4)));
    BreakEven tieAtTheSmallest =
        BreakEven.of(true, List.of(new Sample(10, 0.3, 0.3), new Sample(50, 0.5, 1.0)));

    assertThat(tieAfterSlower)
        .isInstanceOfSatisfying(
            BreakEven.Crossing.class, c -> assertThat(c.workMs()).isEqualTo(50.0));
    assertThat(tieAfterSlower.sentence())
        .contains("slower than threads at 10 ms, as fast at 50 ms");
    assertThat(tieAtTheSmallest)
        .isInstanceOfSatisfying(
            BreakEven.Crossing.class, c -> assertThat(c.workMs()).isEqualTo(10.0));
  }

  @Test
  void whenTheLinesCrossBackTheLastCrossingCounts() {
    // Faster at 10 (noise), slower at 50, faster from 200: processes pay off above 50-200.
    BreakEven found =
        BreakEven.of(
            true,
            List.of(new Sample(10, 0.2, 0.3), new Sample(50, 1.5, 1.0), new Sample(200, 3, 4)));

    assertThat(found)
        .isInstanceOfSatisfying(
            BreakEven.Crossing.class,
            c -> assertThat(c.workMs()).isCloseTo(50 + 150 * 0.5 / 1.5, within(1e-9)));
  }

  @Test
  void theProcessPoolsBarIsItsStartUpThenTheRest() {
    List<BenchRow> rows =
        List.of(row("threads", true, 50, 1.0, 0), row("processes", true, 50, 2.4, 1.6));

    DefaultCategoryDataset bars = BenchChart.segments(rows);

    assertThat(List.of(bars.getRowKey(0), bars.getRowKey(1)))
        .containsExactly("worker start-up", "after start-up");
    assertThat(bars.getColumnCount()).isEqualTo(2);
    assertThat(bars.getValue("worker start-up", "processes -m 2 --gil").doubleValue())
        .isEqualTo(1.6);
    assertThat(bars.getValue("after start-up", "processes -m 2 --gil").doubleValue())
        .isCloseTo(0.8, within(1e-9));
    assertThat(bars.getValue("worker start-up", "threads -m 20 --gil").doubleValue()).isZero();
    assertThat(bars.getValue("after start-up", "threads -m 20 --gil").doubleValue()).isEqualTo(1.0);

    CategoryPlot plot = (CategoryPlot) BenchChart.chart(report(rows)).getPlot();
    List<String> legend = new ArrayList<>();
    for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
      legend.add(plot.getFixedLegendItems().get(i).getLabel());
    }
    assertThat(legend)
        .containsExactly("threads", "processes", "worker start-up (part of the time)");
    // Without a process pool the legend has no start-up entry.
    CategoryPlot threadsOnly =
        (CategoryPlot) BenchChart.chart(report(rows.subList(0, 1))).getPlot();
    assertThat(threadsOnly.getFixedLegendItems().getItemCount()).isEqualTo(1);
  }

  @Test
  void theSweepChartHasALinePerModeAndLockAndMarksTheBreakEven() {
    BenchReport report = report(sweepRows());
    XYPlot plot = (XYPlot) SweepChart.chart(report).getPlot();

    XYSeriesCollection lines = (XYSeriesCollection) plot.getDataset();
    assertThat(lines.getSeriesCount()).isEqualTo(2);
    assertThat(String.valueOf(lines.getSeries(1).getKey())).isEqualTo("processes, GIL on");
    assertThat(lines.getSeries(1).getItemCount()).isEqualTo(3);
    assertThat(lines.getSeries(1).getX(2).doubleValue()).isEqualTo(200.0);
    assertThat(lines.getSeries(1).getY(2).doubleValue()).isEqualTo(2.6);
    Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
    assertThat(markers).hasSize(1);
    ValueMarker marker = (ValueMarker) markers.iterator().next();
    assertThat(marker.getValue()).isCloseTo(10 + 40 * 0.8 / 0.9, within(1e-9));
    assertThat(marker.getLabel()).isEqualTo("break-even with the GIL: ~46 ms");

    List<BenchRow> slower =
        List.of(
            row("threads", true, 10, 0.3, 0),
            row("processes", true, 10, 1.1, 0.5),
            row("threads", true, 50, 1.0, 0),
            row("processes", true, 50, 1.5, 0.5));
    XYPlot noCrossing = (XYPlot) SweepChart.chart(report(slower)).getPlot();
    assertThat((Collection<?>) noCrossing.getDomainMarkers(Layer.FOREGROUND)).isNull();
  }

  @Test
  void newJsonAndCsvFieldsComeAfterTheOldOnes() throws Exception {
    BenchReport report = report(sweepRows());

    JsonNode json = JSON.readTree(report.json());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "server",
            "base_url",
            "delay_ms",
            "requested",
            "runs",
            "warmup_runs",
            "cores",
            "java",
            "started_at",
            "rows",
            "work_ms",
            "rounds",
            "work_sweep_ms",
            "break_even",
            "connections");
    assertThat(json.get("work_sweep_ms").toString()).isEqualTo("[10,50,200]");
    assertThat(json.get("break_even").toString())
        .isEqualTo("[{\"gil\":true,\"outcome\":\"crossing\",\"work_ms\":45.6}]");
    List<String> rowFields = new ArrayList<>();
    json.get("rows").get(1).fieldNames().forEachRemaining(rowFields::add);
    assertThat(rowFields.getLast()).isEqualTo("median_after_startup_s");
    assertThat(json.get("rows").get(1).get("median_after_startup_s").asDouble())
        .isCloseTo(0.6, within(1e-9));

    String header = report.csv().lines().findFirst().orElseThrow();
    assertThat(header)
        .isEqualTo(
            "mode,max_req,runs,median_s,min_s,max_s,flags_per_s,speedup,efficiency,ideal_s,"
                + "worker_startup_s,errors,runs_with_errors,elapsed_s,gil,work_ms,rounds,cpu_s,"
                + "parallelism,median_after_startup_s");
  }

  @Test
  void withoutWorkThereIsNoSweepAndNoBreakEven() throws Exception {
    JsonNode json =
        JSON.readTree(
            report(List.of(row("threads", false, 0, 0.1, 0), row("processes", false, 0, 1, 0.5)))
                .json());
    assertThat(json.get("work_sweep_ms")).isEmpty();
    assertThat(json.get("break_even")).isEmpty();
  }
}
