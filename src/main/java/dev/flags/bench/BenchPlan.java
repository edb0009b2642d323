package dev.flags.bench;

import dev.flags.http.RetryRules;
import dev.flags.tls.TrustSettings;
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
 * @param trust whom HTTPS connections trust ({@code --tls}'s certificate, {@code --cacert}, {@code
 *     -k})
 */
public record BenchPlan(
    List<Cell> cells,
    int runs,
    List<String> codes,
    String serverLabel,
    String baseUrl,
    Optional<Duration> delay,
    double timeoutSeconds,
    Workload workload,
    TrustSettings trust) {

  public BenchPlan {
    cells = List.copyOf(cells);
    codes = List.copyOf(codes);
  }

  /** The same plan with another work per flag: one size of a sweep ({@code --work 10,50,200}). */
  public BenchPlan withWorkload(Workload value) {
    return new BenchPlan(
        cells, runs, codes, serverLabel, baseUrl, delay, timeoutSeconds, value, trust);
  }

  /**
   * A plan built by name. Unset: no codes and no cells yet, the server's delay unknown, the command
   * line's timeout, and no CPU work (I/O-bound runs).
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BenchPlan} field by field; see {@link #builder} for what is left unset. */
  public static final class Builder {
    private List<Cell> cells = List.of();
    private int runs = 1;
    private List<String> codes = List.of();
    private String serverLabel;
    private String baseUrl;
    private Optional<Duration> delay = Optional.empty();
    private double timeoutSeconds = RetryRules.DEFAULT_TIMEOUT_SECONDS;
    private Workload workload = Workload.NONE;
    private TrustSettings trust = TrustSettings.SYSTEM;

    private Builder() {}

    public Builder trust(TrustSettings value) {
      trust = value;
      return this;
    }

    public Builder cells(List<Cell> value) {
      cells = value;
      return this;
    }

    public Builder runs(int value) {
      runs = value;
      return this;
    }

    public Builder codes(List<String> value) {
      codes = value;
      return this;
    }

    public Builder server(String label, String url) {
      serverLabel = label;
      baseUrl = url;
      return this;
    }

    /** The server's fixed delay per response, when known. */
    public Builder delay(Optional<Duration> value) {
      delay = value;
      return this;
    }

    public Builder timeoutSeconds(double value) {
      timeoutSeconds = value;
      return this;
    }

    public Builder workload(Workload value) {
      workload = value;
      return this;
    }

    public BenchPlan build() {
      return new BenchPlan(
          cells, runs, codes, serverLabel, baseUrl, delay, timeoutSeconds, workload, trust);
    }
  }
}
