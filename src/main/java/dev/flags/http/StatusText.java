package dev.flags.http;

import java.util.Map;

/** Reason phrases for status lines that carry none (HTTP/2, terse servers). */
public final class StatusText {
  private static final Map<Integer, String> PHRASES =
      Map.ofEntries(
          Map.entry(200, "OK"),
          Map.entry(304, "Not Modified"),
          Map.entry(400, "Bad Request"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(408, "Request Timeout"),
          Map.entry(418, "I'm a teapot"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  private StatusText() {}

  /**
   * {@code HTTP 418 I'm a teapot}: the standard phrase for a known code, so the words do not depend
   * on the server; otherwise the server's own phrase, if it sent one, made safe to print.
   */
  public static String describe(int code, String serverPhrase) {
    String phrase =
        PHRASES.getOrDefault(
            code, serverPhrase == null ? "" : Failures.printable(serverPhrase.strip()));
    return phrase.isEmpty() ? "HTTP " + code : "HTTP " + code + " " + phrase;
  }

  /** The standard phrase for a status code, or an empty string. */
  public static String phrase(int code) {
    return PHRASES.getOrDefault(code, "");
  }
}
