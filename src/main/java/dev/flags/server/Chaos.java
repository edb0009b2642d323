package dev.flags.server;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * How the flag server misbehaves: a delay before each answer, a rate of error statuses, and faults,
 * each with a probability. Immutable; {@link #NONE} is a well-behaved server.
 *
 * <p>Repeatable: what happens to the n-th request for a path depends only on the seed, the path and
 * n (see {@link #decide}), never on which requests came before it or on other connections. So a
 * client that asks for each flag once sees the same delays, errors and faults for the same flags on
 * every run with the same seed, however many requests it makes at once and in whatever order they
 * arrive; a client that retries a path sees that path's sequence in order. (One shared generator
 * drawn in arrival order would make concurrent runs differ from run to run.)
 *
 * @param delay waited before every answer
 * @param errorRate probability of answering {@code errorStatus} instead of the resource
 * @param errorStatus the status of those errors: 418, like the book's ERROR server, by default
 * @param faults probability of each fault; error rate and faults are exclusive outcomes, so
 *     together they add up to at most 1
 * @param seed the seed of every decision
 * @param slowBody how long a {@link Fault#SLOW_BODY} body takes to send
 */
public record Chaos(
    Delay delay,
    double errorRate,
    int errorStatus,
    Map<Fault, Double> faults,
    long seed,
    Duration slowBody) {

  public static final int DEFAULT_ERROR_STATUS = 418;
  public static final Duration DEFAULT_SLOW_BODY = Duration.ofSeconds(5);

  /** No delay, no errors, no faults. */
  public static final Chaos NONE =
      new Chaos(Delay.NONE, 0, DEFAULT_ERROR_STATUS, Map.of(), 0, DEFAULT_SLOW_BODY);

  /** What happens to one request. */
  public record Decision(long delayMs, boolean error, Optional<Fault> fault, long salt) {
    static final Decision NORMAL = new Decision(0, false, Optional.empty(), 0);
  }

  public Chaos {
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("the error rate must be 0..1, not " + errorRate);
    }
    if (errorStatus < 400 || errorStatus > 599) {
      throw new IllegalArgumentException("the error status must be 400..599, not " + errorStatus);
    }
    EnumMap<Fault, Double> copy = new EnumMap<>(Fault.class);
    copy.putAll(faults);
    double total = errorRate;
    for (Map.Entry<Fault, Double> fault : copy.entrySet()) {
      double p = fault.getValue();
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "the probability of " + fault.getKey().label() + " must be 0..1, not " + p);
      }
      total += p;
    }
    if (total > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "the error rate and the fault probabilities add up to "
              + String.format(java.util.Locale.ROOT, "%.3f", total)
              + "; at most 1");
    }
    faults = Collections.unmodifiableMap(copy);
    if (slowBody.isNegative()) {
      throw new IllegalArgumentException("slowBody must not be negative");
    }
  }

  public Chaos withDelay(Delay delay) {
    return new Chaos(delay, errorRate, errorStatus, faults, seed, slowBody);
  }

  public Chaos withErrors(double errorRate, int errorStatus) {
    return new Chaos(delay, errorRate, errorStatus, faults, seed, slowBody);
  }

  public Chaos withFaults(Map<Fault, Double> faults) {
    return new Chaos(delay, errorRate, errorStatus, faults, seed, slowBody);
  }

  public Chaos withSeed(long seed) {
    return new Chaos(delay, errorRate, errorStatus, faults, seed, slowBody);
  }

  public Chaos withSlowBody(Duration slowBody) {
    return new Chaos(delay, errorRate, errorStatus, faults, seed, slowBody);
  }

  /** Whether this server behaves: no delay, no errors, no faults (the seed does not matter). */
  public boolean isNone() {
    return delay.isNone() && errorRate == 0 && faults.values().stream().allMatch(p -> p == 0);
  }

  /**
   * What happens to the {@code n}-th request (from 0) for {@code path}: a pure function of the
   * seed, the path and n. The delay is drawn first, then one number picks the outcome: an error
   * with probability {@code errorRate}, else each fault in turn with its probability, else the
   * normal answer.
   */
  public Decision decide(String path, long n) {
    SplittableRandom random = new SplittableRandom(key(path, n));
    long delayMs = delay.draw(random);
    double pick = random.nextDouble();
    long salt = random.nextLong();
    double edge = errorRate;
    if (pick < edge) {
      return new Decision(delayMs, true, Optional.empty(), salt);
    }
    for (Map.Entry<Fault, Double> fault : faults.entrySet()) { // EnumMap: declaration order
      edge += fault.getValue();
      if (pick < edge) {
        return new Decision(delayMs, false, Optional.of(fault.getKey()), salt);
      }
    }
    return new Decision(delayMs, false, Optional.empty(), salt);
  }

  /** Mixes seed, path and n into one seed (String.hashCode is specified, so stable across JVMs). */
  private long key(String path, long n) {
    long golden = 0x9E3779B97F4A7C15L;
    return ((seed * golden + path.hashCode()) * golden + n) * golden;
  }

  /** {@code delay 500..5000 ms, errors 0.25 as 418, faults reset:0.05, seed 7}, or "none". */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (!delay.isNone()) {
      text.append("delay ").append(delay);
    }
    if (errorRate > 0) {
      text.append(text.isEmpty() ? "" : ", ")
          .append("errors ")
          .append(errorRate)
          .append(" as ")
          .append(errorStatus);
    }
    if (!faults.isEmpty()) {
      text.append(text.isEmpty() ? "" : ", ")
          .append("faults ")
          .append(
              faults.entrySet().stream()
                  .map(f -> f.getKey().label() + ":" + f.getValue())
                  .collect(Collectors.joining(",")));
    }
    if (text.isEmpty()) {
      return "no delay, no errors";
    }
    return text.append(", seed ").append(seed).toString();
  }
}
