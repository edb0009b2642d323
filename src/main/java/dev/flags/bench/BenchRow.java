package dev.flags.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flags.download.Mode;
import dev.flags.report.MachineFormats;
import dev.flags.report.RunReport;
import dev.flags.work.Workload;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one cell of the matrix: a row of the table, of {@code --format json}'s {@code
 * rows} and of {@code --format csv}. Times in seconds; absent figures are null (JSON) or empty
 * (CSV).
 *
 * @param speedup the sequential median over this median; null when sequential was not measured
 * @param efficiency the ideal time over the median; null when the server's delay is unknown
 * @param idealS {@code ceil(N / C) × delay}: the time if every request took exactly the delay and
 *     nothing else cost anything; null when the delay is unknown
 * @param workerStartupS the median time spent starting workers (process pool), else 0
 * @param errors failed flags over all measured runs: these runs' times are in the figures too
 * @param runsWithErrors how many measured runs had at least one failed flag
 * @param elapsedS every measured run's time, in the order they ran
 * @param gil whether each process had a lock its flags held while computing ({@code --gil})
 * @param workMs the CPU work per flag asked for ({@code --work}); 0 for none
 * @param rounds the rounds of work each flag did (calibrated once for the bench); 0 for none
 * @param cpuS the median over the runs of the CPU time the flags' work took; null without work
 * @param parallelism the median over the runs of CPU time / elapsed: how many cores the work kept
 *     busy; null without work
 * @param medianAfterStartupS the median over the runs of the elapsed time after worker start-up:
 *     what the pool took once its workers were up; the median itself for modes without workers
 */
@JsonPropertyOrder({
  "mode",
  "max_req",
  "runs",
  "median_s",
  "min_s",
  "max_s",
  "flags_per_s",
  "speedup",
  "efficiency",
  "ideal_s",
  "worker_startup_s",
  "errors",
  "runs_with_errors",
  "elapsed_s",
  "gil",
  "work_ms",
  "rounds",
  "cpu_s",
  "parallelism",
  "median_after_startup_s"
})
public record BenchRow(
    @JsonProperty("mode") Mode mode,
    @JsonProperty("max_req") int maxReq,
    @JsonProperty("runs") int runs,
    @JsonProperty("median_s") double medianS,
    @JsonProperty("min_s") double minS,
    @JsonProperty("max_s") double maxS,
    @JsonProperty("flags_per_s") double flagsPerS,
    @JsonProperty("speedup") Double speedup,
    @JsonProperty("efficiency") Double efficiency,
    @JsonProperty("ideal_s") Double idealS,
    @JsonProperty("worker_startup_s") double workerStartupS,
    @JsonProperty("errors") long errors,
    @JsonProperty("runs_with_errors") int runsWithErrors,
    @JsonProperty("elapsed_s") List<Double> elapsedS,
    @JsonProperty("gil") boolean gil,
    @JsonProperty("work_ms") long workMs,
    @JsonProperty("rounds") long rounds,
    @JsonProperty("cpu_s") Double cpuS,
    @JsonProperty("parallelism") Double parallelism,
    @JsonProperty("median_after_startup_s") double medianAfterStartupS) {

  public BenchRow {
    elapsedS = List.copyOf(elapsedS);
  }

  /**
   * The row for a cell's measured runs.
   *
   * @param sequentialMedian the sequential cell's median, if it was measured
   * @param delay the server's fixed delay, if known
   * @param workload the CPU work each flag did
   * @param cores the processors this machine has
   */
  static BenchRow of(
      Cell cell,
      List<RunReport> runs,
      Optional<Duration> sequentialMedian,
      Optional<Duration> delay,
      int codes,
      Workload workload,
      int cores) {
    List<Duration> elapsed = runs.stream().map(RunReport::elapsed).toList();
    Duration median = median(elapsed);
    double medianS = seconds(median);
    Optional<Duration> ideal = ideal(cell, delay, codes, workload, cores);
    return new BenchRow(
        cell.mode(),
        cell.maxReq(),
        runs.size(),
        round(median),
        round(Collections.min(elapsed)),
        round(Collections.max(elapsed)),
        rounded(codes / medianS, 10),
        sequentialMedian.map(s -> rounded(seconds(s) / medianS, 100)).orElse(null),
        ideal.map(i -> rounded(seconds(i) / medianS, 1000)).orElse(null),
        ideal.map(MachineFormats::seconds).orElse(null),
        round(median(runs.stream().map(RunReport::workerStartup).toList())),
        runs.stream().mapToLong(RunReport::errors).sum(),
        (int) runs.stream().filter(r -> r.errors() > 0).count(),
        elapsed.stream().map(BenchRow::round).toList(),
        cell.gil(),
        workload.time().toMillis(),
        workload.rounds(),
        workload.any() ? round(median(runs.stream().map(RunReport::cpuTime).toList())) : null,
        workload.any()
            ? rounded(medianOf(runs.stream().map(RunReport::parallelism).toList()), 100)
            : null,
        round(median(runs.stream().map(r -> r.elapsed().minus(r.workerStartup())).toList())));
  }

  /**
   * The time if nothing but the waits and the work cost anything: waiting overlaps {@code max_req}
   * at a time, {@code ceil(N / max_req) × delay}; computing runs on at most one core per worker,
   * {@code N × work ÷ min(max_req, cores)}. With both, the longer of the two; empty when the delay
   * is unknown and there is no work, or when there is neither.
   */
  static Optional<Duration> ideal(
      Cell cell, Optional<Duration> delay, int codes, Workload workload, int cores) {
    Optional<Duration> waiting =
        delay
            .filter(d -> !d.isZero())
            .map(d -> d.multipliedBy((codes + cell.maxReq() - 1) / cell.maxReq()));
    if (!workload.any()) {
      return waiting;
    }
    Duration computing =
        workload.time().multipliedBy(codes).dividedBy(Math.min(cell.maxReq(), cores));
    return Optional.of(waiting.filter(w -> w.compareTo(computing) > 0).orElse(computing));
  }

  /** The middle value; the mean of the two middle values for an even count. */
  static Duration median(List<Duration> values) {
    List<Duration> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  /** The middle value; the mean of the two middle values for an even count. */
  static double medianOf(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double round(Duration duration) {
    return MachineFormats.seconds(duration);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static double rounded(double value, int scale) {
    return Math.round(value * scale) / (double) scale;
  }
}
