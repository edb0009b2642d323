package dev.flags.report.chart;

import dev.flags.report.RunReport;
import java.util.Locale;

/** The paragraphs under the .html timeline: what the run was, and how to read the picture. */
final class TimelineGuide {
  private TimelineGuide() {}

  static String html(RunReport report) {
    Lanes lanes = Lanes.of(report);
    String summary =
        String.format(
            Locale.ROOT,
            "<p><strong>This run:</strong> mode %s, -m %d (at most %d requests at once), %d flags"
                + " requested from %s: %d OK, %d not found, %d errors, in %.2f s.</p>",
            report.modeLabel(),
            report.maxReq(),
            report.maxReq(),
            report.codes().size(),
            ChartImages.escape(report.baseUrl()),
            report.ok(),
            report.notFound(),
            report.errors(),
            report.elapsed().toNanos() / 1e9);
    String rows =
        lanes.kind().equals(Lanes.SLOT)
            ? "Each row is an in-flight slot: async calls have no thread of their own while they"
                + " wait, so a row is one of the at most -m calls out at once; a call takes the"
                + " lowest slot free when it starts. "
            : "Each row is a worker: a thread, a virtual thread or a worker process. ";
    String startup =
        report.workerStartups().isEmpty()
            ? ""
            : " The pale yellow bar at the start of a worker process's row is its own start-up,"
                + " from its launch to the moment it could take its first flag.";
    return summary
        + "\n<p><strong>How to read it:</strong> time runs left to right, in seconds since the"
        + " start of the run. "
        + rows
        + "Each bar is one flag's request, from its start to its end: green OK, grey not found"
        + " (404), vermillion error."
        + startup
        + " Bars side by side in time ran concurrently; a row of bars end to end ran one after"
        + " another. Hover over a bar to see its flag, its size or error, its time and its"
        + " worker.</p>";
  }
}
