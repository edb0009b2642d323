package dev.flags.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * HTTP dates ({@code Last-Modified}, {@code If-Modified-Since}) in IMF-fixdate, the form HTTP/1.1
 * servers send (RFC 9110 5.6.7), written and read field by field. {@code DateTimeFormatter} and
 * OkHttp's per-thread {@code SimpleDateFormat} load locale data on first use, which cost a short
 * run more than the rest of its flags' saves (a start-up lever: see the package doc of {@code
 * dev.flags}).
 */
public final class HttpDates {
  private static final String DAYS = "MonTueWedThuFriSatSun";
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private HttpDates() {}

  /** "Sun, 06 Nov 1994 08:49:37 GMT": the instant to the second, in UTC. */
  public static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int day = (t.getDayOfWeek().getValue() - 1) * 3;
    int month = (t.getMonthValue() - 1) * 3;
    StringBuilder date = new StringBuilder(29).append(DAYS, day, day + 3).append(", ");
    twoDigits(date, t.getDayOfMonth()).append(' ').append(MONTHS, month, month + 3).append(' ');
    String year = Integer.toString(t.getYear());
    date.append("0".repeat(Math.max(0, 4 - year.length()))).append(year).append(' ');
    twoDigits(date, t.getHour()).append(':');
    twoDigits(date, t.getMinute()).append(':');
    return twoDigits(date, t.getSecond()).append(" GMT").toString();
  }

  private static StringBuilder twoDigits(StringBuilder to, int n) {
    return to.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }

  /**
   * The instant of an HTTP date, or null if {@code value} is null or not one (the file then keeps
   * the time it was saved at). Other RFC 1123 forms (a one-digit day) go through {@code
   * DateTimeFormatter}.
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
