package dev.flags.server;

import java.util.SplittableRandom;

/**
 * How long the flag server waits before answering: a fixed time ({@code min == max}) or a uniform
 * random time between two bounds, like the book's {@code slow_server.py} (0.5–5 s).
 *
 * @param minMs the shortest delay, in milliseconds
 * @param maxMs the longest delay, in milliseconds, inclusive
 */
public record Delay(long minMs, long maxMs) {
  public static final Delay NONE = new Delay(0, 0);

  /** The book's DELAY and ERROR servers: uniform between 0.5 and 5 seconds. */
  public static final Delay BOOK = new Delay(500, 5_000);

  /** The longest delay accepted: an hour is already far beyond any client's timeout. */
  public static final long MAX_MS = 3_600_000;

  public Delay {
    if (minMs < 0 || maxMs < minMs || maxMs > MAX_MS) {
      throw new IllegalArgumentException(
          "a delay must be 0.." + MAX_MS + " ms with min <= max, not " + minMs + ".." + maxMs);
    }
  }

  public static Delay fixed(long ms) {
    return new Delay(ms, ms);
  }

  public boolean isNone() {
    return maxMs == 0;
  }

  /** This request's delay: the fixed time, or a uniform draw from {@code random}. */
  long draw(SplittableRandom random) {
    return minMs == maxMs ? minMs : random.nextLong(minMs, maxMs + 1);
  }

  /** {@code 500 ms} or {@code 500..5000 ms}: the way it is typed on the command line. */
  @Override
  public String toString() {
    return (minMs == maxMs ? "" + minMs : minMs + ".." + maxMs) + " ms";
  }
}
