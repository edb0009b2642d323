package dev.flags.http;

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
      } catch (ProtocolException e) {
        // OkHttp's "unexpected end of stream": the connection closed before Content-Length bytes.
        if (declared >= 0 && bytes.size() < declared) {
          throw truncated(bytes.size(), declared, e);
        }
        throw e;
      }
      if (declared >= 0 && bytes.size() != declared) {
        if (bytes.size() < declared) {
          throw truncated(bytes.size(), declared, null);
        }
        throw FetchException.permanent(
            "body longer than Content-Length (" + bytes.size() + " of " + declared + " bytes)");
      }
      byte[] whole = bytes.readByteArray();
      if (!check.accepts().test(whole)) {
        throw FetchException.permanent("not " + check.what());
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
    return FetchException.permanent("too large (more than " + maxBytes + " bytes)");
  }

  private static FetchException truncated(long got, long declared, Throwable cause) {
    return new FetchException(
        "body truncated (" + got + " of " + declared + " bytes)", true, cause);
  }
}
