package dev.flags.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV schema's quoting: minimal RFC 4180, as the README says. */
class RunSchemaTest {
  private static RunReport reportOf(FlagResult... results) {
    return new RunReport(
        "threads",
        2,
        "CUSTOM",
        "http://127.0.0.1:1/flags",
        List.of("BR", "JP", "QQ", "XX"),
        List.of(results),
        Instant.parse("2026-12-02T08:00:00Z"),
        Duration.ofMillis(120),
        Duration.ZERO);
  }

  @Test
  void onlyFieldsWithACommaAQuoteOrALineBreakAreQuoted() throws IOException {
    RunReport report =
        reportOf(
            new FlagResult("BR", FlagStatus.OK, 2464, 1, 0, 13, "pool-1", null),
            new FlagResult(
                "JP", FlagStatus.ERROR, 0, 3, 0, 40, "pool-2", "HTTP 503 Service Unavailable"),
            new FlagResult("QQ", FlagStatus.ERROR, 0, 1, 0, 5, "pool-1", "HTTP 599 Bad, \"bad\""),
            new FlagResult("XX", FlagStatus.ERROR, 0, 1, 0, 5, "pool-2", "two\nlines"));

    String csv = RunSchema.csv(report);

    assertThat(csv)
        .isEqualTo(
            """
            cc,status,bytes,attempts,ms,worker,error
            BR,ok,2464,1,13,pool-1,
            JP,error,0,3,40,pool-2,HTTP 503 Service Unavailable
            QQ,error,0,1,5,pool-1,"HTTP 599 Bad, ""bad\"""
            XX,error,0,1,5,pool-2,"two
            lines"
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
