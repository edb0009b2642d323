package dev.flags.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.outcome.Cause;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

  @Test
  void waitsDoubleWithJitterBetweenHalfAndAll() {
    for (int retry = 1; retry <= 5; retry++) {
      long full = Duration.ofMillis(200L << (retry - 1)).toNanos();
      assertThat(policy.waitNanos(retry, null, 0.0)).isEqualTo(full / 2);
      assertThat(policy.waitNanos(retry, null, 0.999_999)).isBetween(full / 2, full);
    }
  }

  @Test
  void waitsNeverExceedTheCapEvenAfterManyRetries() {
    long cap = Duration.ofSeconds(10).toNanos();
    assertThat(policy.waitNanos(6, null, 0.999)).isLessThanOrEqualTo(cap);
    assertThat(policy.waitNanos(1_000, null, 0.999)).isLessThanOrEqualTo(cap).isPositive();
  }

  @Test
  void retryAfterReplacesTheBackoffUpToTheCap() {
    assertThat(policy.waitNanos(1, "3", 0.5)).isEqualTo(Duration.ofSeconds(3).toNanos());
    assertThat(policy.waitNanos(1, "0", 0.5)).isZero();
    assertThat(policy.waitNanos(1, "3600", 0.5)).isEqualTo(Duration.ofSeconds(10).toNanos());
    assertThat(policy.waitNanos(1, "99999999999999999999", 0.5))
        .isEqualTo(Duration.ofSeconds(10).toNanos());
    String inFiveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(5));
    assertThat(policy.waitNanos(1, inFiveSeconds, 0.5))
        .isBetween(Duration.ofSeconds(3).toNanos(), Duration.ofSeconds(5).toNanos());
    // Unreadable: the usual backoff.
    assertThat(policy.waitNanos(1, "soon", 0.0)).isEqualTo(Duration.ofMillis(100).toNanos());
  }

  @Test
  void onlyTransientStatusesAreRetryable() {
    assertThat(new Cause.HttpStatus(408, "").retryable()).isTrue();
    assertThat(new Cause.HttpStatus(429, "").retryable()).isTrue();
    assertThat(new Cause.HttpStatus(500, "").retryable()).isTrue();
    assertThat(new Cause.HttpStatus(503, "").retryable()).isTrue();
    assertThat(new Cause.HttpStatus(599, "").retryable()).isTrue();
    for (int code : new int[] {200, 304, 400, 401, 403, 404, 410, 418, 451}) {
      assertThat(new Cause.HttpStatus(code, "").retryable()).as("%d", code).isFalse();
    }
  }
}
