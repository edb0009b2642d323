package dev.flags.http;

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
import javax.net.ssl.SSLException;
import okhttp3.Call;

/** Turns an I/O failure into a {@link FetchException}: a reason a user reads, and retry or not. */
public final class Failures {
  private static final int MAX_REASON = 200;
  private static final String STATUS_LINE = "unexpected status line";

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
    String stop = guard.stopReason();
    if (stop != null || (call != null && call.isCanceled())) {
      // Whatever the socket said, the cause was the run stopping (or the call being cancelled).
      return new FetchException(stop != null ? stop : "cancelled", false, e);
    }
    if (e instanceof FetchException fetch) {
      return fetch;
    }
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted())) {
      return new FetchException(
          String.format(Locale.ROOT, "timed out after %.1f s", attemptNanos / 1e9), true, e);
    }
    if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException) {
      return new FetchException(RunGuard.INTERRUPTED, false, e);
    }
    if (e instanceof ConnectException) {
      // OkHttp says "Failed to connect to /127.0.0.1:8000"; the JDK's cause says why.
      boolean refused = false;
      for (Throwable t = e; t != null; t = t.getCause()) {
        refused |= t.getMessage() != null && t.getMessage().contains("refused");
      }
      return new FetchException(refused ? "connection refused" : "cannot connect", true, e);
    }
    if (e instanceof NoRouteToHostException) {
      return new FetchException("no route to host", true, e);
    }
    if (e instanceof UnknownHostException) {
      return new FetchException("unknown host " + printable(e.getMessage()), false, e);
    }
    if (e instanceof SSLException) {
      return new FetchException("TLS failure: " + printable(e.getMessage()), false, e);
    }
    String message = lower(e);
    if (message.contains("reset") || message.contains("broken pipe")) {
      return new FetchException("connection reset", true, e);
    }
    if (e instanceof EOFException
        || message.contains("unexpected end of stream")
        || (e instanceof SocketException && message.contains("closed"))) {
      return new FetchException("connection closed before the response", true, e);
    }
    if (e instanceof ProtocolException && message.startsWith(STATUS_LINE)) {
      // Bytes that are not HTTP where the status line should be: a server or a proxy that broke
      // down mid-answer, or a kept-alive connection out of step. Like a reset, another attempt
      // (on a new connection) may well get a proper answer.
      return new FetchException("bad response: " + statusLine(e.getMessage()), true, e);
    }
    if (e instanceof ProtocolException) {
      return new FetchException("bad response: " + printable(e.getMessage()), false, e);
    }
    return new FetchException(
        e.getMessage() == null ? e.getClass().getSimpleName() : printable(e.getMessage()),
        false,
        e);
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
   * {@code unexpected status line 'SSH-2.0-OpenSSH_9.2'}: the line is quoted only when it is short
   * printable ASCII, which says what answered; random bytes would only garble the report.
   */
  private static String statusLine(String message) {
    String line = message.substring(Math.min(message.length(), STATUS_LINE.length() + 2));
    boolean readable =
        !line.isEmpty() && line.length() <= 60 && line.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return STATUS_LINE + (readable ? " '" + line + "'" : "");
  }

  private static String lower(IOException e) {
    return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
  }
}
