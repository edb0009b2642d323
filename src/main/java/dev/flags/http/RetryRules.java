package dev.flags.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When a run gives up on a request, the {@code --timeout}, {@code --retries}, {@code --backoff},
 * {@code --max-retry-wait}, {@code --deadline} and {@code --max-bytes} options as one value. It
 * goes whole to the run's HTTP client ({@link HttpClients}), whose interceptors apply it; the
 * defaults are stated here once, for the options' help and for runs built in code.
 *
 * @param timeout per request attempt: connect, each read, and the whole attempt
 * @param retries how many times a transient failure is tried again
 * @param backoff the wait before the first retry (doubling after, with jitter)
 * @param maxRetryWait the longest wait before a retry, Retry-After included
 * @param deadline the time limit of the whole run, counted from its start; zero for none
 * @param maxBytes the largest body accepted; reading stops once it is exceeded
 */
public record RetryRules(
    Duration timeout,
    int retries,
    Duration backoff,
    Duration maxRetryWait,
    Duration deadline,
    long maxBytes,
    List<Header> headers) {

  /** Generous enough for the book's 0.5–5 s DELAY server. An int: picocli's help shows "10". */
  public static final int DEFAULT_TIMEOUT_SECONDS = 10;

  public static final int DEFAULT_RETRIES = 2;
  public static final double DEFAULT_BACKOFF_SECONDS = 0.2;
  public static final int DEFAULT_MAX_RETRY_WAIT_SECONDS = 10;
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** The command line's defaults, and no deadline. */
  public static final RetryRules DEFAULTS =
      new RetryRules(
          Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS),
          DEFAULT_RETRIES,
          seconds(DEFAULT_BACKOFF_SECONDS),
          Duration.ofSeconds(DEFAULT_MAX_RETRY_WAIT_SECONDS),
          Duration.ZERO,
          DEFAULT_MAX_BYTES);

  /**
   * A header every request carries ({@code -H 'Name: value'}). Its value is often a token, so its
   * text shows the name only: logs, reports and errors print headers through this.
   */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return name + ": ***";
    }
  }

  /** The rules before the headers were added; no header. */
  public RetryRules(
      Duration timeout,
      int retries,
      Duration backoff,
      Duration maxRetryWait,
      Duration deadline,
      long maxBytes) {
    this(timeout, retries, backoff, maxRetryWait, deadline, maxBytes, List.of());
  }

  public RetryRules {
    headers = headers == null ? List.of() : List.copyOf(headers); // absent in older JSON
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(deadline, "deadline");
  }

  /** A duration from the command line's fractional seconds. */
  public static Duration seconds(double seconds) {
    return Duration.ofNanos((long) (seconds * 1e9));
  }

  /** Which failures are tried again and how long to wait: what the retry interceptor applies. */
  public RetryPolicy policy() {
    return new RetryPolicy(retries, backoff, maxRetryWait);
  }

  public boolean hasDeadline() {
    return deadline.isPositive();
  }

  /**
   * The longest a request can take while its attempts keep failing: every attempt ends at its
   * timeout (the body included), every wait between attempts at the longest retry wait.
   */
  public Duration longestRequest() {
    return timeout.multipliedBy(retries + 1L).plus(maxRetryWait.multipliedBy(retries));
  }

  public RetryRules withTimeout(Duration value) {
    return new RetryRules(value, retries, backoff, maxRetryWait, deadline, maxBytes, headers);
  }

  public RetryRules withRetries(int value) {
    return new RetryRules(timeout, value, backoff, maxRetryWait, deadline, maxBytes, headers);
  }

  public RetryRules withBackoff(Duration value) {
    return new RetryRules(timeout, retries, value, maxRetryWait, deadline, maxBytes, headers);
  }

  public RetryRules withMaxRetryWait(Duration value) {
    return new RetryRules(timeout, retries, backoff, value, deadline, maxBytes, headers);
  }

  /** Zero: no deadline. */
  public RetryRules withDeadline(Duration value) {
    return new RetryRules(timeout, retries, backoff, maxRetryWait, value, maxBytes, headers);
  }

  public RetryRules withMaxBytes(long value) {
    return new RetryRules(timeout, retries, backoff, maxRetryWait, deadline, value, headers);
  }

  public RetryRules withHeaders(List<Header> value) {
    return new RetryRules(timeout, retries, backoff, maxRetryWait, deadline, maxBytes, value);
  }
}
