package dev.flags.report;

import dev.flags.country.Shard;
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
 * @param shard which part of the code list the run took ({@code --shard}); {@link Shard#WHOLE}
 *     unless sharded, and for a merged report
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
    Shard shard,
    List<WorkerStartup> workerStartups) {

  public RunReport {
    codes = List.copyOf(codes);
    results = List.copyOf(results);
    workerStartups = List.copyOf(workerStartups);
  }

  /** A run without per-worker start-ups: threads, or a report read back or merged. */
  public RunReport(
      String mode,
      int maxReq,
      String serverLabel,
      String baseUrl,
      List<String> codes,
      List<FlagResult> results,
      Instant startedAt,
      Duration elapsed,
      Duration workerStartup,
      Shard shard) {
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
        shard,
        List.of());
  }

  /** A run of the whole code list. */
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
        Shard.WHOLE);
  }

  /** The same report, of a run that took {@code part} of the code list. */
  public RunReport withShard(Shard part) {
    return new RunReport(
        mode,
        maxReq,
        serverLabel,
        baseUrl,
        codes,
        results,
        startedAt,
        elapsed,
        workerStartup,
        part,
        workerStartups);
  }

  /** The same report, with each worker process's start-up (for the timeline). */
  public RunReport withWorkerStartups(List<WorkerStartup> startups) {
    return new RunReport(
        mode,
        maxReq,
        serverLabel,
        baseUrl,
        codes,
        results,
        startedAt,
        elapsed,
        workerStartup,
        shard,
        startups);
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
