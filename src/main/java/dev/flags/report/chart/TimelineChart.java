package dev.flags.report.chart;

import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import dev.flags.download.WorkerStartup;
import dev.flags.report.RunReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.RectangularShape;
import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGSyntax;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.w3c.dom.Element;

/**
 * {@code --timeline}: a Gantt chart of one run. One lane per worker (thread, virtual thread,
 * process), one bar per request from its start to its end, coloured by status, so sequential,
 * threads and processes differ at a glance. In SVG and HTML each bar is a group {@code <g
 * class="request" data-worker=... data-cc=...>} whose {@code <title>} a browser shows on hover.
 */
public final class TimelineChart {
  private static final int WIDTH = 1000;
  private static final int MAX_LABELLED_LANES = 40;
  private static final Map<FlagStatus, Color> COLOURS =
      new EnumMap<>(
          Map.of(
              FlagStatus.OK, Palette.GREEN,
              FlagStatus.NOT_FOUND, Palette.GREY,
              FlagStatus.ERROR, Palette.VERMILLION));

  private static final String STARTUP = "worker start-up (launch to ready)";
  private static final Map<FlagStatus, String> NAMES =
      new EnumMap<>(
          Map.of(
              FlagStatus.OK, "OK",
              FlagStatus.NOT_FOUND, "not found",
              FlagStatus.ERROR, "error"));

  private TimelineChart() {}

  /** Draws the run's timeline into {@code path} (.svg, .png or .html). */
  public static void write(RunReport report, Path path) throws IOException {
    ChartImages.write(
        chart(report),
        WIDTH,
        height(Lanes.of(report).size()),
        path,
        title(report),
        TimelineGuide.html(report));
  }

  private static int height(int lanes) {
    int lanePixels = Math.clamp(480 / Math.max(lanes, 1), 3, 24);
    return 170 + Math.max(lanes * lanePixels, 100);
  }

  private static String title(RunReport report) {
    return String.format(
        Locale.ROOT,
        "%s, max_req %d: %d flags in %.2f s",
        report.modeLabel(),
        report.maxReq(),
        report.codes().size(),
        report.elapsed().toNanos() / 1e9);
  }

  static JFreeChart chart(RunReport report) {
    Lanes lanes = Lanes.of(report);

    // One series per status, so the legend explains the colours; bars keep their result for the
    // SVG titles.
    XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
    List<List<FlagResult>> barsBySeries = new ArrayList<>();
    for (FlagStatus status : FlagStatus.values()) {
      List<FlagResult> bars = report.results().stream().filter(r -> r.status() == status).toList();
      XYIntervalSeries series =
          new XYIntervalSeries(NAMES.get(status) + " (" + bars.size() + ")", false, true);
      for (FlagResult r : bars) {
        int lane = lanes.of(r);
        double start = r.startMs() / 1e3;
        // With --work the status colours the download; the work's phases follow (WorkSegments).
        double end = r.work().any() ? r.work().startNanos() / 1e9 : (r.startMs() + r.ms()) / 1e3;
        series.add(lane, lane - 0.4, lane + 0.4, start, start, end);
      }
      dataset.addSeries(series);
      barsBySeries.add(bars);
    }
    List<WorkSegments.Phase> phases = report.computes() ? WorkSegments.phases(report) : List.of();
    for (WorkSegments.Phase phase : phases) {
      dataset.addSeries(phase.series(report.results(), lanes));
      barsBySeries.add(phase.bars(report.results()));
    }
    // The series after the statuses' and the phases': the worker processes' start-ups.
    int startupSeries = FlagStatus.values().length + phases.size();
    // Each worker process's own start-up, shaded in its own lane: from its launch to its ready.
    List<WorkerStartup> startups =
        report.workerStartups().stream().filter(w -> lanes.names().contains(w.worker())).toList();
    if (!startups.isEmpty()) {
      XYIntervalSeries series = new XYIntervalSeries(STARTUP, false, true);
      for (WorkerStartup w : startups) {
        int lane = lanes.names().indexOf(w.worker());
        series.add(
            lane, lane - 0.4, lane + 0.4, w.startMs() / 1e3, w.startMs() / 1e3, w.readyMs() / 1e3);
      }
      dataset.addSeries(series);
    }

    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setShadowVisible(false);
    renderer.setBarPainter(new TitledBars(barsBySeries, phases, startups));
    // An outline keeps a 0 ms request visible and separates back-to-back requests in a lane.
    renderer.setDrawBarOutline(true);
    renderer.setDefaultOutlineStroke(new BasicStroke(0.6f));
    for (FlagStatus status : FlagStatus.values()) {
      @SuppressWarnings("EnumOrdinal") // the dataset adds one series per status, in this order
      int series = status.ordinal();
      renderer.setSeriesPaint(series, COLOURS.get(status));
      renderer.setSeriesOutlinePaint(series, COLOURS.get(status).darker());
    }
    for (int i = 0; i < phases.size(); i++) {
      int series = FlagStatus.values().length + i;
      renderer.setSeriesPaint(series, phases.get(i).colour());
      renderer.setSeriesOutlinePaint(series, phases.get(i).colour().darker());
    }
    renderer.setSeriesPaint(startupSeries, Palette.LIGHT_YELLOW);
    renderer.setSeriesOutlinePaint(startupSeries, Palette.YELLOW_OUTLINE);

    SymbolAxis workers = new SymbolAxis(lanes.axisLabel(), lanes.names().toArray(String[]::new));
    workers.setInverted(true); // first worker on top
    workers.setGridBandPaint(Color.WHITE);
    workers.setGridBandAlternatePaint(new Color(0xF4F4F4));
    workers.setTickLabelsVisible(lanes.size() <= MAX_LABELLED_LANES);
    workers.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    NumberAxis time = new NumberAxis("seconds since the start of the run");
    time.setAutoRangeIncludesZero(true);

    XYPlot plot = new XYPlot(dataset, workers, time, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

    JFreeChart chart = new JFreeChart(title(report), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(
        new TextTitle(
            report.serverLabel()
                + " "
                + report.baseUrl()
                + ", started "
                + report.startedAt().truncatedTo(ChronoUnit.MILLIS)
                + (report.computes()
                    ? "; one bar per flag: download, then "
                        + (report.gil() ? "waiting for its process's GIL, then " : "")
                        + "computing; one lane per "
                        + lanes.kind()
                    : "; one bar per request, one lane per " + lanes.kind()),
            Palette.SUBTITLE_FONT));
    chart.getLegend().setPosition(RectangleEdge.BOTTOM);
    chart.getLegend().setItemFont(Palette.SUBTITLE_FONT);
    Palette.style(chart);
    return chart;
  }

  /**
   * Paints bars flat, and in SVG wraps each in a group naming its worker and flag, with a title a
   * browser shows on hover.
   */
  private static final class TitledBars implements XYBarPainter {
    private final XYBarPainter flat = new StandardXYBarPainter();
    private final List<List<FlagResult>> bars;
    private final List<WorkSegments.Phase> phases;
    private final List<WorkerStartup> startups;

    /**
     * {@code bars}: the results of each series; the statuses' series, then the phases', then the
     * worker start-ups' ({@code startups}).
     */
    TitledBars(
        List<List<FlagResult>> bars,
        List<WorkSegments.Phase> phases,
        List<WorkerStartup> startups) {
      this.bars = bars;
      this.phases = phases;
      this.startups = startups;
    }

    @Override
    public void paintBar(
        Graphics2D g2,
        XYBarRenderer renderer,
        int row,
        int column,
        RectangularShape bar,
        RectangleEdge base) {
      if (!(g2 instanceof SVGGraphics2D svg)) {
        flat.paintBar(g2, renderer, row, column, bar, base);
        return;
      }
      int phase = row - FlagStatus.values().length;
      // The JDK's DOM keeps attributes sorted by name: the file does not depend on Map.of's order.
      Map<String, String> attributes;
      String title;
      if (phase >= phases.size()) {
        WorkerStartup w = startups.get(column);
        attributes = Map.of("class", "startup", "data-worker", w.worker());
        title = w.worker() + " start-up: " + (w.readyMs() - w.startMs()) + " ms";
      } else {
        FlagResult r = bars.get(row).get(column);
        String kind = phase < 0 ? "request" : phases.get(phase).cssClass();
        attributes = Map.of("class", kind, "data-worker", r.worker(), "data-cc", r.cc());
        title = phase < 0 ? describe(r) : phases.get(phase).describe(r);
      }
      // Batik draws into a "top-level group" that can be taken and replaced: the bar is drawn
      // into a fresh one, which then becomes a child of what was drawn before.
      Element before = svg.getTopLevelGroup(false);
      flat.paintBar(g2, renderer, row, column, bar, base);
      Element group = svg.getTopLevelGroup(false);
      attributes.forEach(group::setAttribute);
      Element tooltip =
          group.getOwnerDocument().createElementNS(SVGSyntax.SVG_NAMESPACE_URI, "title");
      tooltip.setTextContent(title);
      group.insertBefore(tooltip, group.getFirstChild());
      before.appendChild(group);
      svg.setTopLevelGroup(before);
    }

    @Override
    public void paintBarShadow(
        Graphics2D g2,
        XYBarRenderer renderer,
        int row,
        int column,
        RectangularShape bar,
        RectangleEdge base,
        boolean pegShadow) {
      // shadows are off
    }

    private static String describe(FlagResult r) {
      String outcome = r.error() == null ? r.bytes() + " bytes" : r.error();
      return String.format(
          Locale.ROOT,
          "%s %s: %s; %d ms from %.3f s on %s",
          r.cc(),
          NAMES.get(r.status()),
          outcome,
          r.ms(),
          r.startMs() / 1e3,
          r.worker());
    }
  }
}
