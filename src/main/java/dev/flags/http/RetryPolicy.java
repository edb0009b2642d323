package dev.flags.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Which failures are tried again, and how long to wait before each retry.
 *
 * <p>What is retried follows from the failure's type ({@code Cause.retryable}): connect errors,
 * timeouts, resets, broken bodies, and the statuses 408, 429 and 5xx. Never: 404 and the other 4xx,
 * which the same request would get again. The wait before retry {@code n} (1-based) is {@code
 * backoff * 2^(n-1)}, jittered to a random 50–100 % of itself so that many clients failing together
 * do not retry in step, and capped at {@code maxWait}. A {@code Retry-After} header (seconds or an
 * HTTP date) replaces that wait, still capped at {@code maxWait}: a server cannot park the run for
 * an hour.
 *
 * @param retries how many times a failed request is tried again (0: never)
 * @param backoff the wait before the first retry
 * @param maxWait the longest single wait, Retry-After included
 */
public record RetryPolicy(int retries, Duration backoff, Duration maxWait) {

  public RetryPolicy {
    if (retries < 0 || backoff.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException("retries, backoff and maxWait must not be negative");
    }
  }

  /**
   * Nanoseconds to wait before retry number {@code retry} (1 for the first).
   *
   * @param retryAfter the response's {@code Retry-After} header, or null
   * @param random a number in [0, 1) for the jitter
   */
  public long waitNanos(int retry, String retryAfter, double random) {
    long cap = maxWait.toNanos();
    long asked = retryAfterNanos(retryAfter);
    if (asked >= 0) {
      return Math.min(asked, cap);
    }
    int doublings = Math.min(Math.max(retry - 1, 0), 62);
    long base = backoff.toNanos();
    long exponential = base > (cap >> doublings) ? cap : base << doublings;
    return (long) (exponential * (0.5 + 0.5 * random));
  }

  /** The wait a {@code Retry-After} header asks for, in nanoseconds; -1 if absent or unreadable. */
  static long retryAfterNanos(String header) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value)).toNanos();
      } catch (NumberFormatException | ArithmeticException e) {
        return Long.MAX_VALUE; // absurdly far: the cap applies
      }
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      long millis = when.toInstant().toEpochMilli() - System.currentTimeMillis();
      return Math.max(0, millis) * 1_000_000;
    } catch (DateTimeParseException e) {
      return -1;
    }
  }
}
