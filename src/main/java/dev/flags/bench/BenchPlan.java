package dev.flags.bench;

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
 */
public record BenchPlan(
    List<Cell> cells,
    int runs,
    List<String> codes,
    String serverLabel,
    String baseUrl,
    Optional<Duration> delay,
    double timeoutSeconds) {

  public BenchPlan {
    cells = List.copyOf(cells);
    codes = List.copyOf(codes);
  }
}
