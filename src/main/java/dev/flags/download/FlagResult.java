package dev.flags.download;

/**
 * The outcome of downloading one flag. Immutable, so strategies can hand it across threads.
 *
 * @param cc the upper-case country code
 * @param status what became of it
 * @param bytes bytes saved (0 unless OK)
 * @param attempts HTTP requests made for it (retries included)
 * @param startMs when its work started, in ms since the run started
 * @param ms how long its work took, in ms
 * @param worker the thread or process that did the work
 * @param error why it failed: {@code HTTP 418 I'm a teapot}, or the URL when NOT_FOUND; null if OK
 */
public record FlagResult(
    String cc,
    FlagStatus status,
    long bytes,
    int attempts,
    long startMs,
    long ms,
    String worker,
    String error) {

  /** The line {@code -v} prints for it: {@code BR OK}, {@code QQ not found: URL}, ... */
  public String verboseLine() {
    return switch (status) {
      case OK -> cc + " OK";
      case NOT_FOUND -> cc + " not found: " + error;
      case ERROR -> cc + " error: " + error;
    };
  }
}
