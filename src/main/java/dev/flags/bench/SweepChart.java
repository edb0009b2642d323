package dev.flags.bench;

import dev.flags.report.chart.ChartImages;
import dev.flags.report.chart.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDrawableAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code flags bench --work 10,50,200 --chart}: the median elapsed time against the CPU work per
 * flag, one line per mode and lock (dashed with the GIL), and a vertical line where processes
 * overtake threads, with the lock and without it, when they do within the sizes measured.
 */
public final class SweepChart {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 600;

  private SweepChart() {}

  public static void write(BenchReport report, Path path) throws IOException {
    ChartImages.write(chart(report), WIDTH, HEIGHT, path, title(report));
  }

  private static String title(BenchReport report) {
    return "flags bench: elapsed time against CPU work per flag, " + report.requested() + " flags";
  }

  /** One series per line, named by its label; x: work per flag in ms, y: median in seconds. */
  static XYSeriesCollection dataset(WorkSweep sweep) {
    XYSeriesCollection lines = new XYSeriesCollection();
    for (WorkSweep.Line line : sweep.lines()) {
      XYSeries series = new XYSeries(line.label(), true, false);
      line.points().forEach(point -> series.add((double) point.workMs(), point.medianS()));
      lines.addSeries(series);
    }
    return lines;
  }

  static JFreeChart chart(BenchReport report) {
    WorkSweep sweep = report.sweep();
    NumberAxis work = new NumberAxis("CPU work per flag (ms)");
    work.setAutoRangeIncludesZero(true);
    NumberAxis seconds = new NumberAxis("elapsed seconds, median (lower is better)");
    seconds.setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    List<WorkSweep.Line> lines = sweep.lines();
    for (int i = 0; i < lines.size(); i++) {
      WorkSweep.Line line = lines.get(i);
      renderer.setSeriesPaint(i, BenchChart.colour(line.mode()));
      renderer.setSeriesStroke(
          i,
          line.gil()
              ? new BasicStroke(
                  2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {7, 4}, 0)
              : new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(dataset(sweep), work, seconds, renderer);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    long widest = sweep.worksMs().getLast();
    for (BreakEven found : sweep.breakEvens()) {
      if (found instanceof BreakEven.Crossing crossing) {
        mark(plot, crossing, widest);
      }
    }

    JFreeChart chart = new JFreeChart(title(report), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(
        new TextTitle(
            "points: median of "
                + report.runs()
                + (report.runs() == 1 ? " run" : " runs")
                + ", worker start-up included; dashed: with the GIL; dotted vertical line:"
                + " break-even, where processes overtake threads; "
                + report.cores()
                + " cores, Java "
                + Runtime.version().feature(),
            Palette.SUBTITLE_FONT));
    for (BreakEven found : sweep.breakEvens().reversed()) {
      chart.addSubtitle(new TextTitle(found.sentence(), Palette.SUBTITLE_FONT));
    }
    chart.getLegend().setPosition(RectangleEdge.BOTTOM);
    Palette.style(chart);
    return chart;
  }

  /**
   * A vertical line at the break-even, named at the top (on the side with room: left of it in the
   * right half), and a ring where the two lines meet.
   */
  private static void mark(XYPlot plot, BreakEven.Crossing crossing, long widestMs) {
    String name =
        String.format(
            Locale.ROOT,
            "break-even %s: ~%.0f ms",
            crossing.gil() ? "with the GIL" : "without the GIL",
            crossing.workMs());
    Color paint = crossing.gil() ? Color.BLACK : Color.DARK_GRAY;
    ValueMarker line = new ValueMarker(crossing.workMs());
    line.setPaint(paint);
    line.setStroke(
        new BasicStroke(
            1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {2, 3}, 0));
    line.setLabel(name);
    line.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    line.setLabelPaint(paint);
    boolean rightHalf = crossing.workMs() > widestMs / 2.0;
    line.setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
    line.setLabelTextAnchor(rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
    // The two names one under the other, should the lines be close.
    line.setLabelOffset(new RectangleInsets(crossing.gil() ? 4 : 22, 4, 4, 4));
    plot.addDomainMarker(line, Layer.FOREGROUND);
    Drawable ring =
        (g2, area) -> {
          g2.setPaint(paint);
          g2.setStroke(new BasicStroke(2f));
          g2.draw(
              new Ellipse2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight()));
        };
    plot.addAnnotation(new XYDrawableAnnotation(crossing.workMs(), crossing.timeS(), 16, 16, ring));
  }
}
