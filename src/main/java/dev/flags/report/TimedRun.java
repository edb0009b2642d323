package dev.flags.report;

import dev.flags.download.DownloadOne;
import dev.flags.download.DownloadSettings;
import dev.flags.download.Downloader;
import dev.flags.download.FlagResult;
import dev.flags.download.Mode;
import dev.flags.download.ResultListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One timed download run, the same for {@code flags} and each run of {@code flags bench}: the clock
 * starts before the HTTP client is built and stops at the last result, as in the book.
 */
public final class TimedRun {
  private TimedRun() {}

  /**
   * Downloads {@code codes} with {@code mode} and the settings, telling {@code listener} of each
   * result as it completes.
   *
   * @param serverLabel what the report calls the server (EMBEDDED, CUSTOM, ...)
   */
  public static RunReport run(
      Mode mode,
      DownloadSettings settings,
      String serverLabel,
      List<String> codes,
      ResultListener listener)
      throws InterruptedException {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    try (DownloadOne downloadOne = DownloadOne.open(settings, start)) {
      Downloader downloader = mode.create(downloadOne, settings);
      List<FlagResult> results = downloader.downloadMany(codes, listener);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new RunReport(
          mode.label(),
          settings.maxReq(),
          serverLabel,
          settings.baseUrl(),
          codes,
          results,
          startedAt,
          elapsed,
          downloader.startupTime());
    }
  }
}
