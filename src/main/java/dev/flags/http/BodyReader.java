package dev.flags.http;

import dev.flags.outcome.Cause;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads a successful response's body whole, inside the attempt, so that a bad body is a failed
 * attempt like any other (and a truncated one is retried): at most {@code maxBytes} (it stops
 * reading as soon as that is exceeded), exactly the declared Content-Length, and accepted by the
 * request's {@link BodyCheck}. Reading stops at the attempt's deadline.
 */
final class BodyReader {
  private static final long CHUNK = 8192;

  private BodyReader() {}

  /** The response with its body in memory; the original response is closed either way. */
  static Response readWhole(
      Response response, long maxBytes, BodyCheck check, long attemptDeadlineNanos)
      throws IOException {
    try (response) {
      long declared = declaredLength(response);
      if (declared > maxBytes) {
        throw tooLarge(maxBytes);
      }
      ResponseBody body = response.body();
      BufferedSource source = body.source();
      source.timeout().deadlineNanoTime(attemptDeadlineNanos);
      Buffer bytes = new Buffer();
      try {
        while (source.read(bytes, CHUNK) != -1) {
          if (bytes.size() > maxBytes) {
            throw tooLarge(maxBytes);
          }
        }
      } catch (ProtocolException | EOFException e) {
        // The body broke off: the connection closed before Content-Length bytes (OkHttp's
        // "unexpected end of stream"), or a chunked body stopped making sense mid-stream. Either
        // way the server started a good answer and may finish the next one: retried alike.
        throw new FetchException(
            declared >= 0 && bytes.size() < declared
                ? new Cause.Truncated(bytes.size(), declared)
                : new Cause.BrokenBody(bytes.size()),
            e);
      }
      if (declared >= 0 && bytes.size() != declared) {
        throw FetchException.of(
            bytes.size() < declared
                ? new Cause.Truncated(bytes.size(), declared)
                : new Cause.LongerThanDeclared(bytes.size(), declared));
      }
      byte[] whole = bytes.readByteArray();
      if (!check.accepts().test(whole)) {
        throw FetchException.of(new Cause.WrongBody(check.what()));
      }
      return response.newBuilder().body(ResponseBody.create(whole, body.contentType())).build();
    }
  }

  /**
   * The Content-Length header, -1 if absent or unreadable. The header, not the body's length:
   * OkHttp drops the header when it decompresses a body itself, and reports -1 for a chunked body
   * even when the server also (wrongly) declared a length.
   */
  private static long declaredLength(Response response) {
    String header = response.header("Content-Length");
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static FetchException tooLarge(long maxBytes) {
    return FetchException.of(new Cause.TooLarge(maxBytes));
  }
}
