package dev.flags.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The book's reports: {@code initial_report} before the downloads, {@code final_report} after. */
public final class TextReport {
  private TextReport() {}

  /**
   *
   *
   * <pre>
   * EMBEDDED site: http://127.0.0.1:41231/flags
   * Searching for 20 flags: from BD to VN
   * 20 concurrent connections will be used.
   * </pre>
   */
  public static void header(
      PrintWriter out, String serverLabel, String baseUrl, List<String> codes, int maxReq) {
    out.println(serverLabel + " site: " + baseUrl);
    String which =
        codes.size() <= 10
            ? String.join(", ", codes)
            : "from " + codes.getFirst() + " to " + codes.getLast();
    out.println("Searching for " + plural(codes.size(), "flag") + ": " + which);
    out.println(
        maxReq == 1
            ? "1 connection will be used."
            : maxReq + " concurrent connections will be used.");
    out.flush();
  }

  /**
   *
   *
   * <pre>
   * --------------------
   *  20 flags downloaded.
   *   3 already saved.
   *   1 not found.
   *   2 errors.
   * Elapsed time: 0.42s
   * </pre>
   */
  public static void footer(PrintWriter out, RunReport report) {
    out.println("-".repeat(20));
    long downloaded = report.downloaded();
    out.printf(Locale.ROOT, "%3d %s downloaded.%n", downloaded, noun(downloaded, "flag"));
    if (report.skipped() > 0) {
      out.printf(Locale.ROOT, "%3d already saved.%n", report.skipped());
    }
    if (report.notFound() > 0) {
      out.printf(Locale.ROOT, "%3d not found.%n", report.notFound());
    }
    if (report.errors() > 0) {
      out.printf(Locale.ROOT, "%3d %s.%n", report.errors(), noun(report.errors(), "error"));
    }
    out.printf(Locale.ROOT, "Elapsed time: %.2fs%n", report.elapsed().toNanos() / 1e9);
    out.flush();
  }

  private static String plural(long n, String word) {
    return n + " " + noun(n, word);
  }

  private static String noun(long n, String word) {
    return n == 1 ? word : word + "s";
  }
}
