package dev.flags.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flags.download.FlagResult;
import java.util.List;
import java.util.Locale;

/**
 * The stable machine schemas of one run ({@code --format json|csv}), documented in the README. Add
 * fields at the end; never rename or remove one.
 */
public final class RunSchema {
  private RunSchema() {}

  /** {@code --format json}: the whole run as one object on one line. */
  public static String json(RunReport report) {
    return MachineFormats.json(Run.of(report));
  }

  /** {@code --format csv}: a header, then one row per flag in completion order. */
  public static String csv(RunReport report) {
    return MachineFormats.csv(Flag.class, Run.of(report).flags());
  }

  /** The run. */
  @JsonPropertyOrder({
    "mode",
    "max_req",
    "server",
    "base_url",
    "requested",
    "ok",
    "not_found",
    "errors",
    "elapsed_s",
    "started_at",
    "worker_startup_s",
    "flags"
  })
  record Run(
      @JsonProperty("mode") String mode,
      @JsonProperty("max_req") int maxReq,
      @JsonProperty("server") String server,
      @JsonProperty("base_url") String baseUrl,
      @JsonProperty("requested") int requested,
      @JsonProperty("ok") long ok,
      @JsonProperty("not_found") long notFound,
      @JsonProperty("errors") long errors,
      @JsonProperty("elapsed_s") double elapsedS,
      @JsonProperty("started_at") String startedAt,
      @JsonProperty("worker_startup_s") double workerStartupS,
      @JsonProperty("flags") List<Flag> flags) {

    static Run of(RunReport report) {
      return new Run(
          report.mode(),
          report.maxReq(),
          report.serverLabel(),
          report.baseUrl(),
          report.codes().size(),
          report.ok(),
          report.notFound(),
          report.errors(),
          MachineFormats.seconds(report.elapsed()),
          report.startedAt().toString(),
          MachineFormats.seconds(report.workerStartup()),
          report.results().stream().map(Flag::of).toList());
    }
  }

  /** One flag: a JSON array element, or a CSV row. */
  @JsonPropertyOrder({"cc", "status", "bytes", "attempts", "ms", "worker", "error"})
  record Flag(
      @JsonProperty("cc") String cc,
      @JsonProperty("status") String status,
      @JsonProperty("bytes") long bytes,
      @JsonProperty("attempts") int attempts,
      @JsonProperty("ms") long ms,
      @JsonProperty("worker") String worker,
      @JsonProperty("error") String error) {

    static Flag of(FlagResult result) {
      return new Flag(
          result.cc(),
          result.status().name().toLowerCase(Locale.ROOT),
          result.bytes(),
          result.attempts(),
          result.ms(),
          result.worker(),
          result.error());
    }
  }
}
