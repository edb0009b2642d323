package dev.flags.report.chart;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/**
 * Colours and fonts shared by the charts. The colours are Okabe and Ito's palette, which readers
 * with any common colour-vision deficiency can tell apart.
 */
public final class Palette {
  public static final Color GREEN = new Color(0x009E73);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color GREY = new Color(0x999999);
  public static final Color LIGHT_YELLOW = new Color(0xFFF3C4);
  public static final Color YELLOW_OUTLINE = new Color(0xD9B500);
  public static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** One colour per series, in order; repeats after eight. */
  private static final Color[] SERIES = {
    new Color(0x0072B2), // blue
    new Color(0xE69F00), // orange
    GREEN,
    new Color(0xCC79A7), // reddish purple
    new Color(0x56B4E9), // sky blue
    VERMILLION,
    new Color(0xF0E442), // yellow
    Color.DARK_GRAY
  };

  private Palette() {}

  public static Color series(int index) {
    return SERIES[Math.floorMod(index, SERIES.length)];
  }

  /** White background, plain grid: the look both charts share. */
  public static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
  }
}
