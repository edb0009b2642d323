package dev.flags.server;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * One request as the flag server saw it, for the request log.
 *
 * @param received when its head had been read
 * @param method GET, HEAD, ...
 * @param target the request target as sent, e.g. {@code /flags/br/br.gif}
 * @param outcome the status sent ({@code 200}, {@code 418}), or the fault ({@code reset})
 * @param delayMs how long the server waited before answering
 */
public record RequestLog(
    Instant received, String method, String target, String outcome, long delayMs) {

  /** A listener that drops every entry. */
  public static final Consumer<RequestLog> IGNORE = entry -> {};

  private static final int MAX_TARGET = 200;

  /**
   * Made on the first line logged, not when the server starts: looking up the time zone loads its
   * rules, which a run that logs nothing should not pay (a start-up lever: see the package doc of
   * {@code dev.flags}).
   */
  private static final class Clock {
    static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
  }

  /**
   * {@code 14:02:11.504 DELAY GET /flags/br/br.gif -> 200 after 2310 ms}; the label (which server)
   * may be empty. Control characters a client sent are shown as {@code ?}.
   */
  public String line(String label) {
    return Clock.TIME.format(received)
        + (label.isEmpty() ? "" : " " + label)
        + " "
        + printable(method)
        + " "
        + printable(target)
        + " -> "
        + outcome
        + (delayMs > 0 ? " after " + delayMs + " ms" : "");
  }

  private static String printable(String text) {
    StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_TARGET + 3));
    text.codePoints()
        .limit(MAX_TARGET)
        .forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return text.length() > MAX_TARGET ? shown + "..." : shown.toString();
  }
}
