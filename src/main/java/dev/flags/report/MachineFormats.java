package dev.flags.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * JSON and CSV text from records whose components carry their schema names ({@code JsonProperty})
 * and order ({@code JsonPropertyOrder}): one definition serves both formats, and renaming a Java
 * field cannot silently rename a column.
 */
public final class MachineFormats {
  private MachineFormats() {}

  /** One JSON object (or array) on one line, without a line end. */
  public static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // records of plain values always serialise
    }
  }

  /**
   * A header line, then one line per row; minimal RFC 4180 quoting; a list becomes {@code a;b;c}.
   */
  public static <T> String csv(Class<T> type, List<T> rows) {
    try {
      return Csv.MAPPER.writer(Csv.MAPPER.schemaFor(type).withHeader()).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seconds with millisecond precision: {@code 0.123}. */
  public static double seconds(Duration duration) {
    return Math.round(duration.toNanos() / 1e6) / 1e3;
  }

  /**
   * The mappers, made on first use: {@link #seconds} serves every run's report, and a run which
   * writes neither should not pay for setting up a mapper.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
  }

  /** Quotes only a field with a comma, a quote or a line break, as docs/user-guide.md says. */
  private static final class Csv {
    static final CsvMapper MAPPER =
        CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  }
}
