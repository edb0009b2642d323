package dev.flags.report;

import dev.flags.outcome.Cause;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When every failed flag failed for the same cause, or most did, the text report says it once under
 * the counts, so nobody needs {@code -v} to learn why a run failed:
 *
 * <pre>
 * all 3 failed: connection refused (http://localhost:8000/flags) — is a server running? Try 'flags serve --book'
 * 140 of 150 errors: timed out after 10.0 s (http://localhost:8001/flags)
 * </pre>
 *
 * <p>The failures are grouped by their {@link Cause}, a typed value (its record type and
 * components: {@code HttpStatus(503, ...)} is not {@code HttpStatus(418, ...)}), never by the words
 * it is shown with; the hint keys on the cause's type.
 */
final class FailureSummary {
  /**
   * Said after a refused connection: nobody listens there, so most likely no server was started.
   */
  static final String REFUSED_HINT = " — is a server running? Try 'flags serve --book'";

  /** Said after an untrusted certificate: what curl users know to do. */
  static final String UNTRUSTED_HINT =
      " — trust its certificate with --cacert FILE, or skip the check with -k";

  private FailureSummary() {}

  static Optional<String> line(RunReport report) {
    long errors = report.errors();
    if (errors < 2 && !(errors == 1 && report.count(Cause.Untrusted.class) == 1)) {
      return Optional.empty(); // one error is no pattern, but an untrusted server needs the hint
    }
    Map<Cause, Long> byCause =
        report.results().stream()
            .flatMap(r -> r.cause().stream())
            .collect(
                Collectors.groupingBy(
                    Function.identity(), LinkedHashMap::new, Collectors.counting()));
    Map.Entry<Cause, Long> top =
        byCause.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    long count = top.getValue();
    if (count * 2 <= errors) {
      return Optional.empty(); // no cause for most: -v names each
    }
    Cause cause = top.getKey();
    String who =
        count == report.codes().size()
            ? "all " + count + " failed"
            : count == errors ? "all " + count + " errors" : count + " of " + errors + " errors";
    String hint =
        switch (cause) {
          case Cause.Refused refused -> REFUSED_HINT;
          case Cause.Untrusted untrusted -> UNTRUSTED_HINT;
          default -> "";
        };
    return Optional.of(who + ": " + cause.text() + " (" + report.baseUrl() + ")" + hint);
  }
}
