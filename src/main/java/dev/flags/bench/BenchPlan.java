package dev.flags.bench;

import dev.flags.work.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code flags bench} measures.
 *
 * @param cells the matrix, in the order it is run and reported
 * @param runs measured runs per cell, after one warm-up run
 * @param codes the codes every run downloads
 * @param serverLabel EMBEDDED, LOCAL, ... or CUSTOM
 * @param baseUrl where flags are fetched from
 * @param delay the server's fixed delay per response, when known (the embedded server's)
 * @param timeoutSeconds per request
 * @param workload CPU work per flag ({@code --work}), calibrated once for the whole bench
 */
public record BenchPlan(
    List<Cell> cells,
    int runs,
    List<String> codes,
    String serverLabel,
    String baseUrl,
    Optional<Duration> delay,
    double timeoutSeconds,
    Workload workload) {

  public BenchPlan {
    cells = List.copyOf(cells);
    codes = List.copyOf(codes);
  }

  /** A plan without CPU work: I/O-bound runs. */
  public BenchPlan(
      List<Cell> cells,
      int runs,
      List<String> codes,
      String serverLabel,
      String baseUrl,
      Optional<Duration> delay,
      double timeoutSeconds) {
    this(cells, runs, codes, serverLabel, baseUrl, delay, timeoutSeconds, Workload.NONE);
  }
}
