package dev.flags.http;

import dev.flags.outcome.Cause;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes each request as many attempts as the {@link RetryPolicy} allows, each one bounded by the
 * per-request timeout (connect, each read, and the whole attempt, body included) and by the time
 * left before the run's deadline. A successful body is read whole inside the attempt ({@link
 * BodyReader}), so a truncated body is retried like a reset.
 *
 * <p>An application interceptor, so it serves blocking {@code execute()} and enqueued calls alike.
 * It returns the last response when the status is final (2xx, 404, other 4xx, or retries spent),
 * and throws a {@link FetchException} naming the reason and the attempts otherwise. Attempts are
 * counted into the request's {@link Attempts} tag, if it has one.
 */
public final class RetryInterceptor implements Interceptor {
  private final RetryPolicy policy;
  private final long timeoutNanos;
  private final long maxBytes;
  private final RunGuard guard;

  public RetryInterceptor(RetryRules rules, RunGuard guard) {
    this.policy = rules.policy();
    this.timeoutNanos = rules.timeout().toNanos();
    this.maxBytes = rules.maxBytes();
    this.guard = guard;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Attempts attempts = request.tag(Attempts.class);
    if (attempts == null) {
      attempts = new Attempts();
    }
    BodyCheck check = request.tag(BodyCheck.class);
    if (check == null) {
      check = BodyCheck.ANY;
    }
    for (int retry = 0; ; retry++) {
      stopIfTheRunStopped(chain, attempts);
      int attempt = attempts.next();
      long left = guard.nanosLeft();
      long limit = Math.min(timeoutNanos, left);
      boolean cutByDeadline = left < timeoutNanos;
      long start = System.nanoTime();
      int millis = Math.clamp((limit + 999_999) / 1_000_000, 1, Integer.MAX_VALUE);
      Chain timed =
          chain
              .withConnectTimeout(millis, TimeUnit.MILLISECONDS)
              .withReadTimeout(millis, TimeUnit.MILLISECONDS)
              .withWriteTimeout(millis, TimeUnit.MILLISECONDS);
      long waitNanos;
      try {
        Response response = timed.proceed(request);
        if (response.isSuccessful()) {
          return BodyReader.readWhole(response, maxBytes, check, start + limit);
        }
        waitNanos = waitBeforeRetry(retry, response.code(), response.header("Retry-After"));
        if (waitNanos < 0) {
          return response; // final: the caller classifies the status
        }
        response.close();
      } catch (IOException e) {
        FetchException failure =
            Failures.classify(e, System.nanoTime() - start, guard, chain.call());
        if (cutByDeadline && e instanceof InterruptedIOException && failure.retryable()) {
          failure = new FetchException(new Cause.Deadline(), e); // the deadline, not the server
        }
        waitNanos = failure.retryable() ? waitBeforeRetry(retry, 0, null) : -1;
        if (waitNanos < 0) {
          throw failure.givenUpAfter(attempt);
        }
      }
      if (!guard.pause(waitNanos)) {
        throw FetchException.of(new Cause.Interrupted()).givenUpAfter(attempt);
      }
    }
  }

  /**
   * How long to wait before trying again after a failure ({@code code} 0 for an I/O failure), or -1
   * not to try again: the status is final, the retries are spent, or the wait would outlast the
   * run's deadline.
   */
  private long waitBeforeRetry(int retry, int code, String retryAfter) {
    if (code != 0 && !new Cause.HttpStatus(code, "").retryable()) {
      return -1;
    }
    if (retry >= policy.retries()) {
      return -1;
    }
    long wait = policy.waitNanos(retry + 1, retryAfter, ThreadLocalRandom.current().nextDouble());
    return wait < guard.nanosLeft() ? wait : -1;
  }

  private void stopIfTheRunStopped(Chain chain, Attempts attempts) throws FetchException {
    Optional<Cause> stop = guard.stopCause();
    if (stop.isEmpty() && chain.call().isCanceled()) {
      stop = Optional.of(new Cause.Cancelled());
    }
    if (stop.isPresent()) {
      throw FetchException.of(stop.get()).givenUpAfter(attempts.count());
    }
  }
}
