package dev.flags.report;

import dev.flags.country.Shard;
import dev.flags.download.FlagResult;
import dev.flags.outcome.Connections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reports of the N shards of one run ({@code --shard 1/N} ... {@code N/N}) joined into the
 * report of the whole run, with the same schema: {@code flags report merge}.
 *
 * <p>The shards usually run side by side (a CI matrix, an Indexed Job), so the whole run took as
 * long as its slowest shard: {@code elapsed} is the longest shard's, {@code started_at} the
 * earliest start, {@code max_req} the sum of the shards' (all their connections at once). Where the
 * shards differ in mode, server or base URL (each CI job has its own embedded server), the report
 * lists each value once, separated by a space. The flags are the shards' flags, shard by shard,
 * each with its CPU work ({@code --work}) as its shard did it. Each shard calibrated its own rounds
 * on its own machine: {@code work_rounds} is the largest, {@code gil} on if any shard had it.
 *
 * @param report the whole run's report
 * @param shards the shards' own reports, in shard order
 */
public record MergedReport(RunReport report, List<RunReport> shards) {

  public MergedReport {
    shards = List.copyOf(shards);
  }

  /**
   * Joins {@code shards}, given in any order: they must be every shard 1/N to N/N of one N, once
   * each, and no code may be in two of them.
   */
  public static MergedReport of(List<RunReport> shards) throws BadReportException {
    List<RunReport> sorted =
        shards.stream().sorted(Comparator.comparingInt(r -> r.shard().index())).toList();
    checkComplete(sorted);
    List<FlagResult> results = new ArrayList<>();
    Map<String, Shard> codeIn = new HashMap<>();
    for (RunReport shard : sorted) {
      for (FlagResult result : shard.results()) {
        Shard other = codeIn.putIfAbsent(result.cc(), shard.shard());
        if (other != null) {
          throw new BadReportException(
              result.cc()
                  + (other.equals(shard.shard())
                      ? " is twice in shard " + other
                      : " is in shard "
                          + other
                          + " and in shard "
                          + shard.shard()
                          + ": were they run with the same codes?"));
        }
        results.add(result);
      }
    }
    RunReport whole =
        RunReport.builder()
            .modes(sorted.stream().flatMap(shard -> shard.modes().stream()).distinct().toList())
            .maxReq(sorted.stream().mapToInt(RunReport::maxReq).sum())
            .server(distinct(sorted, RunReport::serverLabel), distinct(sorted, RunReport::baseUrl))
            .codes(codeIn.keySet().stream().sorted().toList())
            .results(results)
            .startedAt(
                sorted.stream()
                    .map(RunReport::startedAt)
                    .min(Comparator.naturalOrder())
                    .orElseThrow())
            .elapsed(longest(sorted, RunReport::elapsed))
            .workerStartup(longest(sorted, RunReport::workerStartup))
            .workRounds(sorted.stream().mapToLong(RunReport::workRounds).max().orElseThrow())
            .gil(sorted.stream().anyMatch(RunReport::gil))
            .connections(connections(sorted))
            .build();
    return new MergedReport(whole, sorted);
  }

  /** The shards' elapsed times added up: the machine time the run took in all. */
  public Duration elapsedInAll() {
    return shards.stream().map(RunReport::elapsed).reduce(Duration.ZERO, Duration::plus);
  }

  private static void checkComplete(List<RunReport> shards) throws BadReportException {
    List<Integer> counts = shards.stream().map(r -> r.shard().count()).distinct().toList();
    if (counts.isEmpty()) {
      throw new BadReportException("no report given");
    }
    if (counts.size() > 1) {
      throw new BadReportException(
          "shards of different splits: "
              + counts.stream().map(n -> "some of " + n).collect(Collectors.joining(", ")));
    }
    int count = counts.getFirst();
    Map<Integer, Long> given =
        shards.stream()
            .collect(Collectors.groupingBy(r -> r.shard().index(), Collectors.counting()));
    for (int index = 1; index <= count; index++) {
      long times = given.getOrDefault(index, 0L);
      if (times != 1) {
        throw new BadReportException(
            "shard "
                + new Shard(index, count)
                + (times == 0 ? " is missing" : " is given " + times + " times"));
      }
    }
  }

  /** Each shard's value once, in shard order, separated by a space (URLs and labels have none). */
  private static String distinct(List<RunReport> shards, Function<RunReport, String> value) {
    return shards.stream().map(value).distinct().collect(Collectors.joining(" "));
  }

  private static Duration longest(List<RunReport> shards, Function<RunReport, Duration> value) {
    return shards.stream().map(value).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** The parts' connections added up, named by the first part over TLS; none if no part was. */
  private static Connections connections(List<RunReport> parts) {
    List<Connections> tls =
        parts.stream().map(RunReport::connections).filter(c -> c.tlsVersion() != null).toList();
    if (tls.isEmpty()) {
      return Connections.NONE;
    }
    return new Connections(
        tls.stream().mapToLong(Connections::opened).sum(),
        tls.stream().mapToLong(Connections::handshakes).sum(),
        tls.getFirst().protocol(),
        tls.getFirst().tlsVersion());
  }
}
