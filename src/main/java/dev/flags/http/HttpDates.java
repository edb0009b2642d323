package dev.flags.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * HTTP dates ({@code Last-Modified}, {@code If-Modified-Since}), with one shared, thread-safe
 * formatter. OkHttp's {@code Headers.getDate} keeps a {@code SimpleDateFormat} per thread, set up
 * again in each of a run's threads.
 */
public final class HttpDates {
  /** IMF-fixdate, the form HTTP/1.1 servers send (RFC 9110 5.6.7). */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private HttpDates() {}

  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /**
   * The instant of an HTTP date, or null if {@code value} is null or not one (the file then keeps
   * the time it was saved at). IMF-fixdate is read field by field: {@code DateTimeFormatter}'s
   * general parser, still cold in a short run, cost more than the rest of a flag's save. Other RFC
   * 1123 forms (a one-digit day) go through it.
   */
  public static Instant parse(String value) {
    if (value == null) {
      return null;
    }
    String date = value.trim();
    Instant fixed = parseFixdate(date);
    if (fixed != null) {
      return fixed;
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** "Sun, 06 Nov 1994 08:49:37 GMT": the fields at fixed places, or null. */
  private static Instant parseFixdate(String date) {
    if (date.length() != 29
        || date.charAt(3) != ','
        || date.charAt(4) != ' '
        || date.charAt(7) != ' '
        || date.charAt(11) != ' '
        || date.charAt(16) != ' '
        || date.charAt(19) != ':'
        || date.charAt(22) != ':'
        || !date.endsWith(" GMT")) {
      return null;
    }
    int month = MONTHS.indexOf(date.substring(8, 11));
    int day = number(date, 5, 7);
    int year = number(date, 12, 16);
    int hour = number(date, 17, 19);
    int minute = number(date, 20, 22);
    int second = number(date, 23, 25);
    if (month < 0
        || month % 3 != 0
        || day < 0
        || year < 0
        || hour < 0
        || minute < 0
        || second < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month / 3 + 1, day, hour, minute, second)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // e.g. 31 Jun, or 24:00:00
    }
  }

  /** The decimal number in {@code s[from, to)}, or -1 if it holds anything but digits. */
  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
