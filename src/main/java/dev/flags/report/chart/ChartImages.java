package dev.flags.report.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Writes a chart as SVG, PNG or HTML, chosen by the file name. SVG and PNG come from the same
 * drawing code (JFreeChart drawing on JFreeSVG's or the JDK's {@code Graphics2D}); the file is
 * written to a temp file and renamed, so a failed write never leaves half a picture.
 */
public final class ChartImages {
  static {
    // No window system is needed, and none should be touched (no Dock icon, no DISPLAY).
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ChartImages() {}

  /**
   * Draws {@code chart} at {@code width}×{@code height} into {@code path}.
   *
   * @param title the HTML page's title
   * @throws IllegalArgumentException if the name does not end in .svg, .png or .html
   */
  public static void write(JFreeChart chart, int width, int height, Path path, String title)
      throws IOException {
    write(chart, width, height, path, title, "");
  }

  /**
   * The same, with {@code guide} (HTML) under the chart on the .html page: how to read it.
   *
   * @throws IllegalArgumentException if the name does not end in .svg, .png or .html
   */
  public static void write(
      JFreeChart chart, int width, int height, Path path, String title, String guide)
      throws IOException {
    ImageKind kind =
        ImageKind.of(path).orElseThrow(() -> new IllegalArgumentException("not a chart: " + path));
    byte[] bytes =
        switch (kind) {
          // The element with an XML declaration: getSVGDocument() adds an SVG 1.0 DOCTYPE that
          // makes XML parsers fetch a DTD from w3.org.
          case SVG ->
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      + svg(chart, width, height).getSVGElement()
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8);
          case HTML -> html(title, svg(chart, width, height).getSVGElement(), guide);
          case PNG -> png(chart, width, height);
        };
    save(path.toAbsolutePath(), bytes);
  }

  /**
   * Writes a hidden temp file next to {@code target} and renames it into place. Not {@code
   * Files.createTempFile}: its owner-only permissions would make a picture others cannot read.
   */
  private static void save(Path target, byte[] bytes) throws IOException {
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp); // a no-op after a successful move
    }
  }

  private static SVGGraphics2D svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle(width, height));
    return g2;
  }

  private static byte[] png(JFreeChart chart, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    ChartUtils.writeChartAsPNG(out, chart, width, height);
    return out.toByteArray();
  }

  private static byte[] html(String title, String svgElement, String guide) {
    String page =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>%s</title>
        <style>body { font-family: sans-serif; margin: 1em; } p { max-width: 60em; }</style>
        </head>
        <body>
        %s
        %s
        </body>
        </html>
        """
            .formatted(SVGUtils.escapeForXML(title), svgElement, guide);
    return page.getBytes(StandardCharsets.UTF_8);
  }
}
