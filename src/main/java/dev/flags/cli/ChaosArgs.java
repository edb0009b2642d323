package dev.flags.cli;

import dev.flags.server.Chaos;
import dev.flags.server.Delay;
import dev.flags.server.Fault;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The parsing and checks behind the server-behaviour options, written once for both commands that
 * have them: {@code flags serve} ({@code --delay}, {@code --error-rate}, {@code --fault}, {@code
 * --seed}) and the main command's embedded server ({@code --server-delay}, ...).
 */
final class ChaosArgs {
  static final String DELAY_LABEL = "MS|MIN..MAX";
  static final String FAULT_LABEL = "NAME:P";

  /** {@link Fault#labels()} as a constant, for help texts (a test keeps the two the same). */
  static final String FAULT_NAMES =
      "reset, empty, truncated, garbage, slow-body, status-503, status-429, stall";

  private static final Pattern DELAY = Pattern.compile("(\\d{1,10})(?:\\.\\.(\\d{1,10}))?");

  private ChaosArgs() {}

  /** One {@code --fault} item: a fault and its probability. */
  record FaultChance(Fault fault, double probability) {}

  /** {@code 500} (fixed) or {@code 500..5000} (uniform), in milliseconds. */
  static final class DelayConverter implements ITypeConverter<Delay> {
    @Override
    public Delay convert(String value) {
      Matcher match = DELAY.matcher(value.strip());
      if (!match.matches()) {
        throw new TypeConversionException(
            "'"
                + CodeOptions.printable(value)
                + "' is not a delay: give milliseconds (500) or a range MIN..MAX (500..5000)");
      }
      long min = Long.parseLong(match.group(1));
      long max = match.group(2) == null ? min : Long.parseLong(match.group(2));
      if (max < min) {
        throw new TypeConversionException("delay range " + value + " ends before it starts");
      }
      if (max > Delay.MAX_MS) {
        throw new TypeConversionException(
            "delay " + value + " is longer than an hour (" + Delay.MAX_MS + " ms)");
      }
      return new Delay(min, max);
    }
  }

  /** A probability: 0 to 1. */
  static final class ProbabilityConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return probability(value);
    }
  }

  /** {@code reset:0.05}; see {@link Fault} for the names. */
  static final class FaultConverter implements ITypeConverter<FaultChance> {
    @Override
    public FaultChance convert(String value) {
      int colon = value.lastIndexOf(':');
      if (colon < 0) {
        throw new TypeConversionException(
            "'" + CodeOptions.printable(value) + "' is not NAME:P, e.g. reset:0.05");
      }
      String name = value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      Fault fault =
          Fault.byLabel(name)
              .orElseThrow(
                  () ->
                      new TypeConversionException(
                          "unknown fault '"
                              + CodeOptions.printable(name)
                              + "': use "
                              + Fault.labels()));
      return new FaultChance(fault, probability(value.substring(colon + 1)));
    }
  }

  private static double probability(String value) {
    double p;
    try {
      p = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      p = Double.NaN;
    }
    if (!(p >= 0 && p <= 1)) {
      throw new TypeConversionException(
          "'" + CodeOptions.printable(value) + "' is not a probability from 0 to 1");
    }
    return p;
  }

  /**
   * The behaviour these option values ask for (null: not given), checked as a whole: a fault named
   * twice, or probabilities adding up to more than 1, are usage errors. No seed: a random one.
   */
  static Chaos chaos(
      CommandSpec spec,
      Delay delay,
      Double errorRate,
      Integer errorStatus,
      List<FaultChance> faults,
      Long seed) {
    Map<Fault, Double> byFault = new EnumMap<>(Fault.class);
    for (FaultChance chance : faults == null ? List.<FaultChance>of() : faults) {
      if (byFault.put(chance.fault(), chance.probability()) != null) {
        throw new ParameterException(
            spec.commandLine(), "fault " + chance.fault().label() + " is given twice");
      }
    }
    try {
      return Chaos.NONE
          .withDelay(delay == null ? Delay.NONE : delay)
          .withErrors(
              errorRate == null ? 0 : errorRate,
              errorStatus == null ? Chaos.DEFAULT_ERROR_STATUS : errorStatus)
          .withFaults(byFault)
          .withSeed(seed == null ? ThreadLocalRandom.current().nextLong(1L << 48) : seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
