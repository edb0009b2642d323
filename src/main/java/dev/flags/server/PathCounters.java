package dev.flags.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests per path, so {@link Chaos#decide} can number them. Bounded: past {@link
 * #MAX_PATHS} distinct paths (a client asking for random URLs), new paths share one counter.
 */
final class PathCounters {
  static final int MAX_PATHS = 100_000;

  private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final AtomicLong overflow = new AtomicLong();

  /** The number of this request among the requests for {@code path}, from 0. */
  long next(String path) {
    AtomicLong counter = counters.get(path);
    if (counter == null) {
      if (counters.size() >= MAX_PATHS) {
        return overflow.getAndIncrement();
      }
      counter = counters.computeIfAbsent(path, p -> new AtomicLong());
    }
    return counter.getAndIncrement();
  }
}
