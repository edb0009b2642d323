package dev.flags.report.chart;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The picture formats a chart file can have, told by its file name. Free of chart classes, so that
 * the command line can check a name without loading the charting library.
 */
public enum ImageKind {
  SVG,
  PNG,
  /** A page with the SVG inline: hovering a bar shows its details. */
  HTML;

  /** The kind a file name asks for: {@code t.svg}, {@code t.PNG}, {@code t.html}/{@code t.htm}. */
  public static Optional<ImageKind> of(Path path) {
    Path name = path.getFileName();
    String file = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (file.endsWith(".svg")) {
      return Optional.of(SVG);
    }
    if (file.endsWith(".png")) {
      return Optional.of(PNG);
    }
    if (file.endsWith(".html") || file.endsWith(".htm")) {
      return Optional.of(HTML);
    }
    return Optional.empty();
  }
}
