package dev.flags.http;

import dev.flags.outcome.Cause;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import okhttp3.Call;

/** Turns an I/O failure into a {@link FetchException} with its typed {@link Cause}. */
public final class Failures {
  private static final int MAX_REASON = 200;
  private static final String STATUS_LINE = "unexpected status line";
  private static final String NO_LINE_END = "\\n not found: limit=";

  private Failures() {}

  /**
   * Classifies a failed attempt.
   *
   * @param attemptNanos how long the attempt had run, for {@code timed out after 3.1 s}
   * @param guard the run's guard: a call cut by the deadline or by Ctrl-C says so
   * @param call the call the attempt belonged to, or null
   */
  public static FetchException classify(
      IOException e, long attemptNanos, RunGuard guard, Call call) {
    Optional<Cause> stop = guard.stopCause();
    if (stop.isPresent() || (call != null && call.isCanceled())) {
      // Whatever the socket said, the cause was the run stopping (or the call being cancelled).
      return new FetchException(stop.orElse(new Cause.Cancelled()), e);
    }
    if (e instanceof FetchException fetch) {
      return fetch;
    }
    return new FetchException(cause(e, attemptNanos, call), e);
  }

  private static Cause cause(IOException e, long attemptNanos, Call call) {
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted())) {
      return new Cause.Timeout(attemptNanos / 1e9);
    }
    if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException) {
      return new Cause.Interrupted();
    }
    if (e instanceof ConnectException) {
      // OkHttp says "Failed to connect to /127.0.0.1:8000"; the JDK's cause says why.
      boolean refused = false;
      for (Throwable t = e; t != null; t = t.getCause()) {
        refused |= t.getMessage() != null && t.getMessage().contains("refused");
      }
      return refused ? new Cause.Refused() : new Cause.CannotConnect();
    }
    if (e instanceof NoRouteToHostException) {
      return new Cause.NoRoute();
    }
    if (e instanceof UnknownHostException) {
      return new Cause.UnknownHost(printable(e.getMessage()));
    }
    if (e instanceof SSLException) {
      return TlsFailures.cause(e, call);
    }
    // The JDK and OkHttp name the rest only in words.
    String message = lower(e);
    if (message.contains("reset") || message.contains("broken pipe")) {
      return new Cause.Reset();
    }
    if (bytesBeforeStatusLineEnded(e)) {
      return new Cause.NotHttp(""); // garbage without a line break, then the connection closed
    }
    if (e instanceof EOFException
        || message.contains("unexpected end of stream")
        || (e instanceof SocketException && message.contains("closed"))) {
      return new Cause.ClosedEarly();
    }
    if (e instanceof ProtocolException && message.startsWith(STATUS_LINE)) {
      return new Cause.NotHttp(readableStatusLine(e.getMessage()));
    }
    if (e instanceof ProtocolException) {
      return new Cause.BadResponse(printable(e.getMessage()));
    }
    return new Cause.Other(
        e.getMessage() == null ? e.getClass().getSimpleName() : printable(e.getMessage()));
  }

  /**
   * Whether the connection closed after some bytes that never made a status line: okio's {@code \n
   * not found: limit=N} with N above 0, under OkHttp's {@code unexpected end of stream}. An empty
   * answer says {@code limit=0}: that is a connection closed before the response.
   */
  private static boolean bytesBeforeStatusLineEnded(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException
          && t.getMessage() != null
          && t.getMessage().startsWith(NO_LINE_END)
          && !t.getMessage().startsWith(NO_LINE_END + "0 ")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reason to report for a failed call: the {@link FetchException} in its causes if any (its
   * attempts too), else a classification of {@code e} itself.
   */
  public static FetchException reasonFor(IOException e, RunGuard guard) {
    FetchException fetch = FetchException.find(e);
    if (fetch != null) {
      return fetch;
    }
    return classify(e, 0, guard, null);
  }

  /**
   * Text from a server or an exception, made safe for one terminal line: control characters (ANSI
   * escapes included) become '?', and it is cut at 200 characters.
   */
  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    String shown =
        text.codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return shown.length() > MAX_REASON ? shown.substring(0, MAX_REASON) + "..." : shown;
  }

  /**
   * The line after OkHttp's {@code unexpected status line: } when it is short printable ASCII,
   * which says what answered ({@code SSH-2.0-OpenSSH_9.2}); empty for random bytes, which would
   * only garble the report.
   */
  private static String readableStatusLine(String message) {
    String line = message.substring(Math.min(message.length(), STATUS_LINE.length() + 2));
    boolean readable =
        !line.isEmpty() && line.length() <= 60 && line.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return readable ? line : "";
  }

  private static String lower(IOException e) {
    return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
  }
}
