package dev.flags.report;

import dev.flags.country.Shard;
import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import dev.flags.download.Mode;
import dev.flags.download.WorkerStartup;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Connections;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything a finished run reports: how it was set up, every flag's result, how long it took.
 *
 * @param modes the strategy; several for a report merged from shards run in different modes
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
 * @param workRounds the CPU work each flag was given ({@code --work}), in rounds; 0: none
 * @param gil whether each process had a lock its flags held while computing ({@code --gil})
 * @param workerStartups each worker process's own start-up, for the timeline; empty for threads
 * @param connections the connections the run's client opened and what they spoke ({@link
 *     Connections#NONE} for a process pool, whose workers have clients of their own)
 */
public record RunReport(
    List<Mode> modes,
    int maxReq,
    String serverLabel,
    String baseUrl,
    List<String> codes,
    List<FlagResult> results,
    Instant startedAt,
    Duration elapsed,
    Duration workerStartup,
    Shard shard,
    long workRounds,
    boolean gil,
    List<WorkerStartup> workerStartups,
    Connections connections) {

  public RunReport {
    codes = List.copyOf(codes);
    results = List.copyOf(results);
    workerStartups = List.copyOf(workerStartups);
  }

  /** The modes as the report names them: {@code threads}, or {@code threads async} (merged). */
  public String modeLabel() {
    return modes.stream().map(Mode::label).collect(Collectors.joining(" "));
  }

  /**
   * A report built by name. Unset, a run is of the whole code list ({@link Shard#WHOLE}), without
   * CPU work, and without worker processes (no start-up).
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this report, to change some of it ({@code toBuilder().shard(part)}). */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the flags were given CPU work ({@code --work}). */
  public boolean computes() {
    return workRounds > 0;
  }

  /** The CPU time the flags' work took, all flags and processes together. */
  public Duration cpuTime() {
    return Duration.ofNanos(results.stream().mapToLong(r -> r.work().cpuNanos()).sum());
  }

  /**
   * How many cores the work kept busy on average: CPU time / elapsed (1 for one core working all
   * the time, 2 for two).
   */
  public double parallelism() {
    return elapsed.isZero() ? 0 : cpuTime().toNanos() / (double) elapsed.toNanos();
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

  /** How many flags failed for a cause of this type: {@code count(Cause.Interrupted.class)}. */
  public long count(Class<? extends Cause> cause) {
    return results.stream().filter(r -> r.cause().filter(cause::isInstance).isPresent()).count();
  }

  /** Builds a {@link RunReport} field by field; see {@link #builder} for what is left unset. */
  public static final class Builder {
    private List<Mode> modes = List.of();
    private int maxReq;
    private String serverLabel;
    private String baseUrl;
    private List<String> codes = List.of();
    private List<FlagResult> results = List.of();
    private Instant startedAt;
    private Duration elapsed;
    private Duration workerStartup = Duration.ZERO;
    private Shard shard = Shard.WHOLE;
    private long workRounds;
    private boolean gil;
    private List<WorkerStartup> workerStartups = List.of();
    private Connections connections = Connections.NONE;

    private Builder() {}

    private Builder(RunReport report) {
      modes = report.modes;
      maxReq = report.maxReq;
      serverLabel = report.serverLabel;
      baseUrl = report.baseUrl;
      codes = report.codes;
      results = report.results;
      startedAt = report.startedAt;
      elapsed = report.elapsed;
      workerStartup = report.workerStartup;
      shard = report.shard;
      workRounds = report.workRounds;
      gil = report.gil;
      workerStartups = report.workerStartups;
      connections = report.connections;
    }

    public Builder mode(Mode value) {
      return modes(List.of(value));
    }

    /** The mode by its label, as the report's JSON names it ({@code threads}). */
    public Builder mode(String label) {
      return mode(
          Mode.ofLabel(label).orElseThrow(() -> new IllegalArgumentException("mode " + label)));
    }

    /** Several for a report merged from shards run in different modes. */
    public Builder modes(List<Mode> value) {
      modes = List.copyOf(value);
      return this;
    }

    public Builder maxReq(int value) {
      maxReq = value;
      return this;
    }

    public Builder server(String label, String url) {
      serverLabel = label;
      baseUrl = url;
      return this;
    }

    public Builder codes(List<String> value) {
      codes = value;
      return this;
    }

    public Builder results(List<FlagResult> value) {
      results = value;
      return this;
    }

    public Builder startedAt(Instant value) {
      startedAt = value;
      return this;
    }

    public Builder elapsed(Duration value) {
      elapsed = value;
      return this;
    }

    public Builder workerStartup(Duration value) {
      workerStartup = value;
      return this;
    }

    public Builder shard(Shard value) {
      shard = value;
      return this;
    }

    public Builder workRounds(long value) {
      workRounds = value;
      return this;
    }

    public Builder gil(boolean value) {
      gil = value;
      return this;
    }

    public Builder workerStartups(List<WorkerStartup> value) {
      workerStartups = value;
      return this;
    }

    public Builder connections(Connections value) {
      connections = value;
      return this;
    }

    public RunReport build() {
      return new RunReport(
          modes,
          maxReq,
          serverLabel,
          baseUrl,
          codes,
          results,
          startedAt,
          elapsed,
          workerStartup,
          shard,
          workRounds,
          gil,
          workerStartups,
          connections);
    }
  }
}
