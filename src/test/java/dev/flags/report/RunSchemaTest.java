package dev.flags.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.flags.download.FlagResult;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV schema's quoting: minimal RFC 4180, as docs/user-guide.md says. */
class RunSchemaTest {
  private static RunReport reportOf(FlagResult... results) {
    return RunReport.builder()
        .mode("threads")
        .maxReq(2)
        .server("CUSTOM", "http://127.0.0.1:1/flags")
        .codes(List.of("BR", "JP", "QQ", "XX"))
        .results(List.of(results))
        .startedAt(Instant.parse("2026-12-02T08:00:00Z"))
        .elapsed(Duration.ofMillis(120))
        .build();
  }

  private static FlagResult result(
      String cc, Outcome outcome, int attempts, long ms, String worker) {
    return FlagResult.of(cc, outcome).withAttempts(attempts).withTime(0, ms).withWorker(worker);
  }

  @Test
  void onlyFieldsWithACommaAQuoteOrALineBreakAreQuoted() throws IOException {
    RunReport report =
        reportOf(
            result("BR", Outcome.saved(2464, "BR.gif"), 1, 13, "pool-1"),
            result(
                "JP",
                Outcome.failed(new Cause.HttpStatus(503, "HTTP 503 Service Unavailable")),
                3,
                40,
                "pool-2"),
            result(
                "QQ",
                Outcome.failed(new Cause.HttpStatus(599, "HTTP 599 Bad, \"bad\"")),
                1,
                5,
                "pool-1"),
            result("XX", Outcome.failed(new Cause.Other("two\nlines")), 1, 5, "pool-2"));

    String csv = RunSchema.csv(report);

    assertThat(csv)
        .isEqualTo(
            """
            cc,status,bytes,attempts,ms,worker,error,start_ms,io_ms,lock_start_ms,lock_ms,\
            compute_start_ms,compute_ms,cpu_ms,rounds,digest
            BR,ok,2464,1,13,pool-1,,0,13.0,,,,,,0,
            JP,error,0,3,40,pool-2,HTTP 503 Service Unavailable,0,40.0,,,,,,0,
            QQ,error,0,1,5,pool-1,"HTTP 599 Bad, ""bad\""",0,5.0,,,,,,0,
            XX,error,0,1,5,pool-2,"two
            lines",0,5.0,,,,,,0,
            """);
    List<Map<String, String>> rows =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(csv)
            .readAll();
    assertThat(rows)
        .extracting(row -> row.get("error"))
        .containsExactly("", "HTTP 503 Service Unavailable", "HTTP 599 Bad, \"bad\"", "two\nlines");
  }
}
