package dev.flags.download;

/**
 * Everything the per-flag work depends on, and nothing about scheduling but the concurrency the
 * HTTP client is sized for. A record of plain values so that it can be handed to worker processes
 * as JSON: a new per-flag option added here reaches every mode, process pool included.
 *
 * @param baseUrl where flags are fetched from ({@code http://127.0.0.1:8000/flags})
 * @param dest the folder flags are saved in
 * @param maxReq how many requests may run at once (sizes the connection pool and dispatcher)
 * @param timeoutSeconds per request attempt: connect, each read, and the whole attempt
 * @param retries how many times a transient failure is tried again
 * @param backoffSeconds the wait before the first retry (doubling after, with jitter)
 * @param maxRetryWaitSeconds the longest wait before a retry, Retry-After included
 * @param deadlineEpochMillis when the whole run must end, wall-clock ms since the epoch (so it
 *     means the same in every process); 0 for no deadline
 * @param maxBytes the largest body accepted; reading stops once it is exceeded
 * @param skipExisting a flag already saved in {@code dest} is not requested again
 * @param update a flag already saved is requested with If-Modified-Since (its file's time)
 * @param metadata also fetch {@code metadata.json} and save as {@code Country_Name.gif}
 */
public record DownloadSettings(
    String baseUrl,
    String dest,
    int maxReq,
    double timeoutSeconds,
    int retries,
    double backoffSeconds,
    double maxRetryWaitSeconds,
    long deadlineEpochMillis,
    long maxBytes,
    boolean skipExisting,
    boolean update,
    boolean metadata) {

  public static final int DEFAULT_RETRIES = 2;
  public static final double DEFAULT_BACKOFF_SECONDS = 0.2;
  public static final double DEFAULT_MAX_RETRY_WAIT_SECONDS = 10;
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** The walking skeleton's four settings, with the defaults for everything added since. */
  public DownloadSettings(String baseUrl, String dest, int maxReq, double timeoutSeconds) {
    this(
        baseUrl,
        dest,
        maxReq,
        timeoutSeconds,
        DEFAULT_RETRIES,
        DEFAULT_BACKOFF_SECONDS,
        DEFAULT_MAX_RETRY_WAIT_SECONDS,
        0,
        DEFAULT_MAX_BYTES,
        false,
        false,
        false);
  }
}
