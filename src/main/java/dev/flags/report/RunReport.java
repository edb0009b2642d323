package dev.flags.report;

import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import dev.flags.download.WorkerStartup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a finished run reports: how it was set up, every flag's result, how long it took.
 *
 * @param mode the strategy's name ({@code threads})
 * @param maxReq the concurrency actually used
 * @param serverLabel EMBEDDED, LOCAL, ... or CUSTOM for a URL given by hand
 * @param baseUrl the base URL flags were fetched from
 * @param codes the codes requested, in order
 * @param results one per requested code, in completion order
 * @param startedAt wall-clock start, for machine formats
 * @param elapsed from start to the last result
 * @param workerStartup part of {@code elapsed} spent starting workers (process pool), else zero
 * @param workerStartups each worker process's own start-up, for the timeline; empty for threads
 */
public record RunReport(
    String mode,
    int maxReq,
    String serverLabel,
    String baseUrl,
    List<String> codes,
    List<FlagResult> results,
    Instant startedAt,
    Duration elapsed,
    Duration workerStartup,
    List<WorkerStartup> workerStartups) {

  public RunReport {
    codes = List.copyOf(codes);
    results = List.copyOf(results);
    workerStartups = List.copyOf(workerStartups);
  }

  /** A run without per-worker start-ups (threads, or a report that does not draw them). */
  public RunReport(
      String mode,
      int maxReq,
      String serverLabel,
      String baseUrl,
      List<String> codes,
      List<FlagResult> results,
      Instant startedAt,
      Duration elapsed,
      Duration workerStartup) {
    this(
        mode,
        maxReq,
        serverLabel,
        baseUrl,
        codes,
        results,
        startedAt,
        elapsed,
        workerStartup,
        List.of());
  }

  public long count(FlagStatus status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  public long ok() {
    return count(FlagStatus.OK);
  }

  /** OK flags that were already saved, so not downloaded (--skip-existing, --update). */
  public long skipped() {
    return results.stream().filter(r -> r.status() == FlagStatus.OK && r.skipped()).count();
  }

  /** OK flags whose bytes were downloaded in this run. */
  public long downloaded() {
    return ok() - skipped();
  }

  public long notFound() {
    return count(FlagStatus.NOT_FOUND);
  }

  public long errors() {
    return count(FlagStatus.ERROR);
  }
}
