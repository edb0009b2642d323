package dev.flags.report;

import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When every failed flag failed for the same reason, or most did, the text report says it once
 * under the counts, so nobody needs {@code -v} to learn why a run failed:
 *
 * <pre>
 * all 3 failed: connection refused (http://localhost:8000/flags)
 * 140 of 150 errors: timed out after 10.0 s (http://localhost:8001/flags)
 * </pre>
 */
final class FailureSummary {
  private FailureSummary() {}

  static Optional<String> line(RunReport report) {
    long errors = report.errors();
    if (errors < 2) {
      return Optional.empty(); // one error is no pattern
    }
    Map<String, Long> byReason =
        report.results().stream()
            .filter(r -> r.status() == FlagStatus.ERROR)
            .collect(Collectors.groupingBy(FlagResult::error, Collectors.counting()));
    Map.Entry<String, Long> top =
        byReason.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    long count = top.getValue();
    if (count * 2 <= errors) {
      return Optional.empty(); // no reason for most: -v names each
    }
    String who =
        count == report.codes().size()
            ? "all " + count + " failed"
            : count == errors ? "all " + count + " errors" : count + " of " + errors + " errors";
    return Optional.of(who + ": " + top.getKey() + " (" + report.baseUrl() + ")");
  }
}
