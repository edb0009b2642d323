package dev.flags.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from repeating a request behind the retry policy's back:
 * OkHttp sends a 503 answered with {@code Retry-After: 0} once more by itself, whatever the
 * client's settings, so the attempts counted would be wrong and {@code --retries 0} would not mean
 * one request. The header is dropped from such answers; {@link RetryInterceptor} then waits its
 * usual (short) backoff instead of zero. (OkHttp's other silent retries, of connection failures and
 * 408, are off with {@code retryOnConnectionFailure(false)}.)
 */
final class NoSilentRetry implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() == 503 && retryAfter != null && retryAfter.strip().matches("0+")) {
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }
}
