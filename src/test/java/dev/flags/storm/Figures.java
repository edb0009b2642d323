package dev.flags.storm;

import dev.flags.server.RequestLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What one scenario of the storm did, for the figures: runs checked against the invariants,
 * inputs tried, requests served and faults injected (counted from the flag server's request log).
 * {@link #print} writes one line to stdout and appends it to {@code target/storm-figures.txt}.
 */
final class Figures {
  private static final Path FILE = Path.of("target", "storm-figures.txt");

  private final String scenario;
  private final LongAdder runs = new LongAdder();
  private final LongAdder inputs = new LongAdder();
  private final LongAdder requests = new LongAdder();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

  Figures(String scenario) {
    this.scenario = scenario;
  }

  /** A run whose invariants were checked. */
  void ran() {
    runs.increment();
  }

  /** Inputs tried (command lines, hostile answers). */
  void tried(int count) {
    inputs.add(count);
  }

  /** Counts a request the flag server answered, and its fault if it had one. */
  Consumer<RequestLog> log() {
    return entry -> {
      requests.increment();
      if (!entry.outcome().chars().allMatch(Character::isDigit)) {
        faults.computeIfAbsent(entry.outcome(), k -> new LongAdder()).increment();
      }
    };
  }

  /** Counts a fault injected by other means (a server stopped, a signal, a full disk). */
  void injected(String fault, long count) {
    faults.computeIfAbsent(fault, k -> new LongAdder()).add(count);
  }

  long requests() {
    return requests.sum();
  }

  long faults() {
    return faults.values().stream().mapToLong(LongAdder::sum).sum();
  }

  void print() {
    Map<String, Long> byFault =
        faults.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().sum(), Long::sum, TreeMap::new));
    String line =
        "storm "
            + scenario
            + ": "
            + runs.sum()
            + " runs checked"
            + (inputs.sum() > 0 ? ", " + inputs.sum() + " inputs" : "")
            + (requests.sum() > 0 ? ", " + requests.sum() + " requests served" : "")
            + (byFault.isEmpty() ? "" : ", " + faults() + " faults injected " + byFault);
    System.out.println(line);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
