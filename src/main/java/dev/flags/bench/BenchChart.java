package dev.flags.bench;

import dev.flags.download.Mode;
import dev.flags.report.chart.ChartImages;
import dev.flags.report.chart.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code flags bench --chart}: one horizontal bar per cell at its median time, a whisker from the
 * fastest to the slowest run, a dashed tick at the ideal time when the delay is known, and the
 * median and speedup written at the end. Colours tell the modes apart. A process pool's bar is two
 * segments, its workers' start-up and the time after it: the price apart from the work.
 */
public final class BenchChart {
  private static final int WIDTH = 900;

  /** About the width the bars get: the chart's less the cells' names and the margins. */
  private static final int PLOT_WIDTH = WIDTH - 200;

  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** The bar's first segment: worker start-up (zero for modes without workers). */
  static final String STARTUP = "worker start-up";

  /** The bar's second segment: the rest of the median. */
  static final String AFTER_STARTUP = "after start-up";

  private BenchChart() {}

  public static void write(BenchReport report, Path path) throws IOException {
    String title = title(report);
    int height = 170 + 44 * report.rows().size();
    ChartImages.write(chart(report), WIDTH, height, path, title);
  }

  private static String title(BenchReport report) {
    return "flags bench: "
        + report.requested()
        + " flags from "
        + report.server()
        + (report.delayMs() == null ? "" : ", " + report.delayMs() + " ms per response")
        + (report.workMs() == 0 ? "" : ", " + report.workMs() + " ms of CPU work per flag");
  }

  /**
   * The bars' figures: per cell (column), the {@link #STARTUP} segment, then the {@link
   * #AFTER_STARTUP} one, which add up to the median.
   */
  static DefaultCategoryDataset segments(List<BenchRow> rows) {
    DefaultCategoryDataset segments = new DefaultCategoryDataset();
    for (BenchRow row : rows) {
      String cell = row.mode().label() + " -m " + row.maxReq() + (row.gil() ? " --gil" : "");
      double startup = Math.min(row.workerStartupS(), row.medianS());
      segments.addValue(startup, STARTUP, cell);
      segments.addValue(row.medianS() - startup, AFTER_STARTUP, cell);
    }
    return segments;
  }

  static JFreeChart chart(BenchReport report) {
    List<BenchRow> rows = report.rows();
    DefaultCategoryDataset medians = segments(rows);
    NumberAxis seconds = new NumberAxis("elapsed seconds (lower is better)");
    seconds.setRange(0, axisEnd(rows));
    CategoryAxis cells = new CategoryAxis();
    cells.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

    CategoryPlot plot = new CategoryPlot(medians, cells, seconds, new WhiskerBars(rows));
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    LegendItemCollection legend = new LegendItemCollection();
    for (Mode mode : Mode.values()) {
      if (rows.stream().anyMatch(r -> r.mode() == mode)) {
        legend.add(new LegendItem(mode.label(), colour(mode)));
      }
    }
    if (rows.stream().anyMatch(row -> row.workerStartupS() > 0)) {
      legend.add(new LegendItem(STARTUP + " (part of the time)", STARTUP_PAINT));
    }
    plot.setFixedLegendItems(legend);

    JFreeChart chart = new JFreeChart(title(report), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(
        new TextTitle(
            "bar: median of "
                + report.runs()
                + (report.runs() == 1 ? " run" : " runs")
                + "; whisker: fastest to slowest"
                + idealNote(report)
                + "; "
                + report.cores()
                + " cores, Java "
                + Runtime.version().feature(),
            Palette.SUBTITLE_FONT));
    chart.getLegend().setPosition(RectangleEdge.BOTTOM);
    Palette.style(chart);
    return chart;
  }

  /**
   * Where the time axis ends: far enough right that every bar's label fits after its whisker, in a
   * plot about {@link #PLOT_WIDTH} pixels wide.
   */
  private static double axisEnd(List<BenchRow> rows) {
    Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      FontMetrics metrics = g2.getFontMetrics(LABEL);
      double end = 0.001;
      for (BenchRow row : rows) {
        double room = PLOT_WIDTH - 12.0 - metrics.stringWidth(label(row));
        end = Math.max(end, row.maxS() * PLOT_WIDTH / Math.max(room, PLOT_WIDTH / 4.0));
      }
      return end;
    } finally {
      g2.dispose();
    }
  }

  /** What is written after a bar: the median, the time after start-up, speedup, parallelism. */
  static String label(BenchRow cell) {
    String label = String.format(Locale.ROOT, "%.3f s", cell.medianS());
    if (cell.workerStartupS() > 0) {
      label += String.format(Locale.ROOT, " (%.3f s after start-up)", cell.medianAfterStartupS());
    }
    if (cell.speedup() != null) {
      label += String.format(Locale.ROOT, ", %.1f×", cell.speedup());
    }
    if (cell.parallelism() != null) {
      label += String.format(Locale.ROOT, ", parallelism %.1f", cell.parallelism());
    }
    if (cell.errors() > 0) {
      label += ", " + cell.errors() + (cell.errors() == 1 ? " error" : " errors");
    }
    return label;
  }

  /** What the dashed ticks mark, if anything. */
  private static String idealNote(BenchReport report) {
    boolean waits = report.delayMs() != null && report.delayMs() > 0;
    if (report.workMs() == 0) {
      return report.delayMs() == null ? "" : "; dashes: ideal ceil(N / max_req) × delay";
    }
    String computing = "N × work ÷ min(max_req, cores)";
    return waits
        ? "; dashes: ideal, the longer of ceil(N / max_req) × delay and " + computing
        : "; dashes: ideal " + computing;
  }

  /** A mode's colour: by its place in {@link Mode}, so new modes get their own. */
  static Color colour(Mode mode) {
    @SuppressWarnings("EnumOrdinal") // the palette's colours follow the modes' declared order
    int series = mode.ordinal();
    return Palette.series(series);
  }

  /** The start-up segment: grey, whatever the mode, so that it reads as a price, not as work. */
  private static final Color STARTUP_PAINT = new Color(0xBBBBBB);

  /**
   * Flat stacked bars coloured by mode (start-up in grey), plus the whisker, the ideal tick and the
   * label of each.
   */
  private static final class WhiskerBars extends StackedBarRenderer {
    /** StackedBarRenderer's passes: shadows, bars, item labels; ours are drawn in the last. */
    private static final int LAST_PASS = 2;

    private final List<BenchRow> rows;

    WhiskerBars(List<BenchRow> rows) {
      this.rows = rows;
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setMaximumBarWidth(0.6);
      setItemMargin(0);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      return row == 0 ? STARTUP_PAINT : colour(rows.get(column).mode());
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        java.awt.geom.Rectangle2D dataArea,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      if (row != dataset.getRowCount() - 1 || pass != LAST_PASS) {
        return;
      }
      BenchRow cell = rows.get(column);
      double height = state.getBarWidth();
      double middle =
          domainAxis.getCategoryMiddle(
              column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
      double top = middle - height / 2;
      RectangleEdge edge = plot.getRangeAxisEdge();
      double min = rangeAxis.valueToJava2D(cell.minS(), dataArea, edge);
      double max = rangeAxis.valueToJava2D(cell.maxS(), dataArea, edge);
      g2.setFont(LABEL);
      float baseline = (float) (middle + g2.getFontMetrics().getAscent() / 2.0 - 1);
      if (cell.workerStartupS() > 0) {
        nameStartup(g2, rangeAxis, dataArea, edge, cell, baseline);
      }

      g2.setPaint(Color.BLACK);
      g2.setStroke(new BasicStroke(1.2f));
      g2.draw(new Line2D.Double(min, middle, max, middle));
      g2.draw(new Line2D.Double(min, middle - height / 4, min, middle + height / 4));
      g2.draw(new Line2D.Double(max, middle - height / 4, max, middle + height / 4));
      if (cell.idealS() != null) {
        double ideal = rangeAxis.valueToJava2D(cell.idealS(), dataArea, edge);
        g2.setStroke(
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {3, 3}, 0));
        g2.draw(new Line2D.Double(ideal, top - 2, ideal, top + height + 2));
      }

      if (cell.errors() > 0) {
        g2.setPaint(Palette.VERMILLION);
      }
      g2.drawString(label(cell), (float) Math.max(max, min) + 6, baseline);
    }

    /** "start-up 1.64 s" inside the grey segment, where it fits. */
    private static void nameStartup(
        Graphics2D g2,
        ValueAxis rangeAxis,
        java.awt.geom.Rectangle2D dataArea,
        RectangleEdge edge,
        BenchRow cell,
        float baseline) {
      double left = rangeAxis.valueToJava2D(0, dataArea, edge);
      double right = rangeAxis.valueToJava2D(cell.workerStartupS(), dataArea, edge);
      String name = String.format(Locale.ROOT, "start-up %.2f s", cell.workerStartupS());
      if (g2.getFontMetrics().stringWidth(name) + 8 <= right - left) {
        g2.setPaint(Color.BLACK);
        g2.drawString(name, (float) left + 4, baseline);
      }
    }
  }
}
