package dev.flags.download;

import dev.flags.tls.TrustSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One immutable description of a run: what to download, from where, into where, how (the mode and
 * its concurrency) and by which rules (timeouts, retries, deadline, limits, what to do with flags
 * already saved). Built by name with {@link #builder} ({@link RunSpecBuilder}); a process pool
 * sends it whole to its workers as JSON, so a new per-flag option added here reaches every mode.
 *
 * @param mode the concurrency strategy
 * @param codes the upper-case country codes, in the order they are submitted
 * @param serverLabel what the report calls the server: EMBEDDED, LOCAL, ... or CUSTOM
 * @param baseUrl where flags are fetched from ({@code http://127.0.0.1:8000/flags})
 * @param dest the folder flags are saved in, made absolute
 * @param maxReq how many requests may run at once (for processes: how many worker JVMs)
 * @param timeoutSeconds per request attempt: connect, each read, and the whole attempt
 * @param retries how many times a transient failure is tried again
 * @param backoffSeconds the wait before the first retry (doubling after, with jitter)
 * @param maxRetryWaitSeconds the longest wait before a retry, Retry-After included
 * @param deadlineSeconds the time limit of the whole run, counted from its start; 0 for none
 * @param maxBytes the largest body accepted; reading stops once it is exceeded
 * @param skipExisting a flag already saved in {@code dest} is not requested again
 * @param update a flag already saved is requested with If-Modified-Since (its file's time)
 * @param metadata also fetch {@code metadata.json} and save as {@code Country_Name.gif}
 * @param workRounds CPU work per flag after its download ({@code --work}): rounds of {@link
 *     dev.flags.work.CpuWork} the parent calibrated once; 0: none
 * @param gil whether each process has a lock its flags hold while they compute ({@code --gil})
 * @param workMillis the CPU time per flag the parent calibrated {@code workRounds} for, in ms: a
 *     worker process warms the work up until its rounds run as fast as the parent's did; 0: not
 *     known (then it warms up as a calibration would)
 * @param trust whom HTTPS connections trust ({@code --cacert}, {@code -k}), read again by workers
 */
public record RunSpec(
    Mode mode,
    List<String> codes,
    String serverLabel,
    String baseUrl,
    Path dest,
    int maxReq,
    double timeoutSeconds,
    int retries,
    double backoffSeconds,
    double maxRetryWaitSeconds,
    double deadlineSeconds,
    long maxBytes,
    boolean skipExisting,
    boolean update,
    boolean metadata,
    long workRounds,
    boolean gil,
    double workMillis,
    TrustSettings trust) {

  public static final double DEFAULT_TIMEOUT_SECONDS = 10;
  public static final int DEFAULT_RETRIES = 2;
  public static final double DEFAULT_BACKOFF_SECONDS = 0.2;
  public static final double DEFAULT_MAX_RETRY_WAIT_SECONDS = 10;
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  public RunSpec {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(baseUrl, "baseUrl");
    dest = dest.toAbsolutePath(); // the same folder for worker processes, whatever their cwd
    codes = List.copyOf(codes);
    Objects.requireNonNull(trust, "trust");
    if (workRounds < 0) {
      throw new IllegalArgumentException("workRounds must be at least 0, not " + workRounds);
    }
  }

  /** The command line's defaults: threads at their default concurrency, no codes yet. */
  public static RunSpecBuilder builder() {
    return new RunSpecBuilder();
  }

  /** A builder holding this description, to change some of it. */
  public RunSpecBuilder toBuilder() {
    return new RunSpecBuilder(this);
  }

  public Duration timeout() {
    return seconds(timeoutSeconds);
  }

  public Duration backoff() {
    return seconds(backoffSeconds);
  }

  public Duration maxRetryWait() {
    return seconds(maxRetryWaitSeconds);
  }

  public boolean hasDeadline() {
    return deadlineSeconds > 0;
  }

  public Duration deadline() {
    return seconds(deadlineSeconds);
  }

  /** The concurrency the run really uses: the mode's, and never more than there are codes. */
  public int concurrency() {
    return Math.min(mode.effectiveMaxReq(maxReq), codes.size());
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos((long) (seconds * 1e9));
  }
}
