package dev.flags.cli;

import java.math.BigDecimal;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Numbers as users type them, with errors in their words: {@code expected a whole number, such as
 * 4, got 'x'}. {@link UsageErrors} puts the option's name in front. Registered for every {@code
 * int}, {@code long} and {@code double} option; options in seconds name a {@link Seconds}
 * converter.
 */
final class Numbers {
  private Numbers() {}

  /** Makes these the converters of every {@code int}, {@code long} and {@code double} option. */
  static void register(CommandLine cli) {
    cli.registerConverter(Integer.class, new Ints());
    cli.registerConverter(int.class, new Ints());
    cli.registerConverter(Long.class, new Longs());
    cli.registerConverter(long.class, new Longs());
    cli.registerConverter(Double.class, new Doubles());
    cli.registerConverter(double.class, new Doubles());
  }

  /** {@code int} and {@code Integer}. */
  static final class Ints implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Math.toIntExact(whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
  }

  /** {@code long} and {@code Long}. */
  static final class Longs implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return whole(value, Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  /** {@code double} and {@code Double}. */
  static final class Doubles implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return decimal(value, "a number, such as 0.5");
    }
  }

  /** A duration in seconds, more than 0 and at most a day. */
  static final class Seconds implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return seconds(value, false);
    }
  }

  /** A duration in seconds from 0 to a day: a wait that may be none. */
  static final class SecondsOrZero implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return seconds(value, true);
    }
  }

  /** The longest time any option in seconds accepts: a day. */
  static final double MAX_SECONDS = 86_400;

  private static double seconds(String value, boolean zeroAllowed) {
    double seconds = decimal(value, "seconds, such as 2.5");
    boolean low = zeroAllowed ? !(seconds >= 0) : !(seconds > 0);
    if (low || seconds > MAX_SECONDS) {
      throw expected(
          "seconds, " + (zeroAllowed ? "from 0 to" : "more than 0 and at most") + " 86400", value);
    }
    return seconds;
  }

  private static long whole(String value, long min, long max) {
    String text = value.strip();
    if (plainInteger(text)) {
      try {
        return range(Long.parseLong(text), min, max, value);
      } catch (NumberFormatException e) {
        // more digits than a long holds: the exact comparison below says which limit
      }
    }
    BigDecimal number = parse(value, "a whole number, such as 4");
    if (number.stripTrailingZeros().scale() > 0) {
      throw expected("a whole number, such as 4", value);
    }
    if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw expected("a whole number up to " + max, value);
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
      throw expected("a whole number from " + min, value);
    }
    return number.longValueExact();
  }

  private static long range(long number, long min, long max, String value) {
    if (number > max) {
      throw expected("a whole number up to " + max, value);
    }
    if (number < min) {
      throw expected("a whole number from " + min, value);
    }
    return number;
  }

  private static double decimal(String value, String what) {
    String text = value.strip();
    if (plainDecimal(text)) {
      return Double.parseDouble(text);
    }
    return parse(value, what).doubleValue();
  }

  /** Digits with an optional sign: what nearly every whole number given to an option looks like. */
  private static boolean plainInteger(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Digits with at most one point between digits, and an optional sign: {@code 2.5}, {@code -3}.
   */
  private static boolean plainDecimal(String text) {
    int point = text.indexOf('.');
    if (point < 0) {
      return plainInteger(text);
    }
    String whole = text.substring(0, point);
    String fraction = text.substring(point + 1);
    return plainInteger(
            whole.isEmpty() || whole.equals("-") || whole.equals("+") ? whole + "0" : whole)
        && !fraction.isEmpty()
        && plainInteger(fraction)
        && fraction.charAt(0) != '-'
        && fraction.charAt(0) != '+';
  }

  /**
   * The rare forms ({@code 4.0} as a whole number, {@code 1e3}), exactly. {@code BigDecimal} is not
   * the common path: its class initialisation is a start-up cost every run would pay (a start-up
   * lever: see the package doc of {@code dev.flags}). Plain decimal notation only ({@code 2.5},
   * {@code 1e3}): not Java's {@code 0x1p3}, {@code 10d}, {@code NaN} or {@code Infinity}, which no
   * user means as a number of seconds.
   */
  private static BigDecimal parse(String value, String what) {
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw expected(what, value);
    }
  }

  private static TypeConversionException expected(String what, String value) {
    return new TypeConversionException(
        "expected " + what + ", got '" + CodeOptions.printable(value) + "'");
  }
}
