package dev.flags.cli;

import dev.flags.download.DownloadSettings;
import dev.flags.download.ResultListener;
import dev.flags.lesson.LessonRun;
import dev.flags.report.RunReport;
import dev.flags.report.TimedRun;
import java.nio.file.Path;
import java.util.List;

/** How {@code flags lesson} downloads: one timed run in this JVM, as a bench run is. */
final class LessonRuns {
  private LessonRuns() {}

  static RunReport run(
      LessonRun run, List<String> codes, String baseUrl, Path dest, ResultListener listener)
      throws InterruptedException {
    DownloadSettings settings =
        new DownloadSettings(
            baseUrl, dest.toString(), run.maxReq(), DownloadOptions.DEFAULT_TIMEOUT_S);
    return TimedRun.run(run.mode(), settings, "EMBEDDED", codes, listener);
  }
}
