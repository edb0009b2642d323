package dev.flags.testing;

import dev.flags.download.DownloadSettings;
import java.nio.file.Path;

/**
 * {@link DownloadSettings} for tests, named field by field: the defaults of the command line, but a
 * backoff of 1 ms so that retries cost nothing, and a 5 s timeout.
 */
public final class Settings {
  private final String baseUrl;
  private final Path dest;
  private int maxReq = 4;
  private double timeoutSeconds = 5;
  private int retries = DownloadSettings.DEFAULT_RETRIES;
  private double backoffSeconds = 0.001;
  private double maxRetryWaitSeconds = DownloadSettings.DEFAULT_MAX_RETRY_WAIT_SECONDS;
  private double deadlineSeconds;
  private long maxBytes = DownloadSettings.DEFAULT_MAX_BYTES;
  private boolean skipExisting;
  private boolean update;
  private boolean metadata;

  private Settings(String baseUrl, Path dest) {
    this.baseUrl = baseUrl;
    this.dest = dest;
  }

  public static Settings of(String baseUrl, Path dest) {
    return new Settings(baseUrl, dest);
  }

  public Settings maxReq(int value) {
    maxReq = value;
    return this;
  }

  public Settings timeout(double seconds) {
    timeoutSeconds = seconds;
    return this;
  }

  public Settings retries(int value) {
    retries = value;
    return this;
  }

  public Settings maxRetryWait(double seconds) {
    maxRetryWaitSeconds = seconds;
    return this;
  }

  /** A deadline this many seconds after {@link #build} is called. */
  public Settings deadline(double seconds) {
    deadlineSeconds = seconds;
    return this;
  }

  public Settings maxBytes(long value) {
    maxBytes = value;
    return this;
  }

  public Settings skipExisting() {
    skipExisting = true;
    return this;
  }

  public Settings update() {
    update = true;
    return this;
  }

  public Settings metadata() {
    metadata = true;
    return this;
  }

  public DownloadSettings build() {
    long deadline =
        deadlineSeconds > 0 ? System.currentTimeMillis() + (long) (deadlineSeconds * 1000) : 0;
    return new DownloadSettings(
        baseUrl,
        dest.toString(),
        maxReq,
        timeoutSeconds,
        retries,
        backoffSeconds,
        maxRetryWaitSeconds,
        deadline,
        maxBytes,
        skipExisting,
        update,
        metadata);
  }
}
