package dev.flags.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The stable machine schemas of one run ({@code --format json|csv}), documented in
 * docs/user-guide.md. Add fields at the end; never rename or remove one. Each schema is one list of
 * {@link Column}s, so JSON and CSV cannot disagree on a name.
 */
public final class RunSchema {

  /** One flag: a JSON array element, or a CSV row. */
  static final List<Column<FlagResult>> FLAG =
      List.of(
          new Column<>("cc", FlagResult::cc),
          new Column<>("status", flag -> statusName(flag.status())),
          new Column<>("bytes", FlagResult::bytes),
          new Column<>("attempts", FlagResult::attempts),
          new Column<>("ms", FlagResult::ms),
          new Column<>("worker", FlagResult::worker),
          new Column<>("error", FlagResult::error),
          new Column<>("start_ms", FlagResult::startMs),
          new Column<>("io_ms", RunSchema::ioMs),
          new Column<>("lock_start_ms", flag -> workMs(flag, flag.work().startNanos())),
          new Column<>("lock_ms", flag -> workMs(flag, flag.work().lockWaitNanos())),
          new Column<>("compute_start_ms", RunSchema::computeStartMs),
          new Column<>("compute_ms", flag -> workMs(flag, flag.work().computeNanos())),
          new Column<>("cpu_ms", flag -> workMs(flag, flag.work().cpuNanos())),
          new Column<>("rounds", flag -> flag.work().rounds()),
          new Column<>("digest", flag -> flag.work().digest()));

  /** The run; its last field, {@code flags}, is the array of {@link #FLAG}s. */
  static final List<Column<RunReport>> RUN =
      List.of(
          new Column<>("mode", RunReport::modeLabel),
          new Column<>("max_req", RunReport::maxReq),
          new Column<>("server", RunReport::serverLabel),
          new Column<>("base_url", RunReport::baseUrl),
          new Column<>("requested", report -> report.codes().size()),
          new Column<>("ok", RunReport::ok),
          new Column<>("not_found", RunReport::notFound),
          new Column<>("errors", RunReport::errors),
          new Column<>("elapsed_s", report -> MachineFormats.seconds(report.elapsed())),
          new Column<>("started_at", report -> report.startedAt().toString()),
          new Column<>(
              "worker_startup_s", report -> MachineFormats.seconds(report.workerStartup())),
          new Column<>("shard", report -> report.shard().toString()),
          new Column<>("work_rounds", RunReport::workRounds),
          new Column<>("gil", report -> report.gil() ? "on" : "off"),
          new Column<>("cpu_s", report -> MachineFormats.seconds(report.cpuTime())),
          new Column<>("parallelism", RunSchema::parallelism));

  /**
   * Written only for a run over TLS, after {@code flags}, so that the fields before keep their
   * places and a plain-HTTP run's object stays as it was: what the run's client connected with
   * ({@code http/1.1}, {@code TLSv1.3}), and how many connections and handshakes it made. A process
   * pool's workers have clients of their own: its run writes none of these.
   */
  static final List<Column<RunReport>> CONNECTIONS =
      List.of(
          new Column<>("protocol", report -> report.connections().protocol()),
          new Column<>("tls_version", report -> report.connections().tlsVersion()),
          new Column<>("connections", report -> report.connections().opened()),
          new Column<>("tls_handshakes", report -> report.connections().handshakes()));

  /**
   * {@code cpu_s / elapsed_s} as printed, so that a reader gets the same figure from the two
   * fields, and a report read back (merged) writes the same one.
   */
  private static Double parallelism(RunReport report) {
    if (!report.computes()) {
      return null;
    }
    double elapsed = MachineFormats.seconds(report.elapsed());
    return elapsed == 0
        ? 0.0
        : Math.round(MachineFormats.seconds(report.cpuTime()) / elapsed * 1000) / 1000.0;
  }

  /**
   * Time spent downloading: until the flag asked for the lock when it computed, else all of it (ms,
   * to the microsecond).
   */
  private static Object ioMs(FlagResult flag) {
    return flag.work().any()
        ? Math.round(flag.work().startNanos() / 1e3 - flag.startMs() * 1e3) / 1e3
        : (double) flag.ms();
  }

  /**
   * When the computation started: the lock's start and wait as written, added, so that the three
   * agree to the microsecond and a report read back ({@code report merge}) writes the same figures.
   */
  private static Object computeStartMs(FlagResult flag) {
    return workMs(
        flag,
        micros(flag.work().startNanos()) * 1_000 + micros(flag.work().lockWaitNanos()) * 1_000);
  }

  private static long micros(long nanos) {
    return Math.round(nanos / 1e3);
  }

  /** A time of the flag's work in ms (to the microsecond), or null if it did none. */
  private static Object workMs(FlagResult flag, long nanos) {
    return flag.work().any() ? Math.round(nanos / 1e3) / 1e3 : null;
  }

  private RunSchema() {}

  /** A status as the schema writes it: {@code ok}, {@code not_found}, {@code error}. */
  static String statusName(FlagStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** {@code --format json}: the whole run as one object on one line. */
  public static String json(RunReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      Column.writeFields(json, RUN, report);
      json.writeArrayFieldStart("flags");
      for (FlagResult flag : report.results()) {
        json.writeStartObject();
        Column.writeFields(json, FLAG, flag);
        json.writeEndObject();
      }
      json.writeEndArray();
      if (report.connections().tlsVersion() != null) {
        Column.writeFields(json, CONNECTIONS, report); // a plain-HTTP run's object is as it was
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /**
   * {@code --format csv}: a header, then one row per flag in completion order (RFC 4180, minimal
   * quoting).
   */
  public static String csv(RunReport report) {
    CsvSchema.Builder schema = CsvSchema.builder();
    FLAG.forEach(column -> schema.addColumn(column.name()));
    StringWriter out = new StringWriter();
    try (CsvGenerator csv = Csv.FACTORY.createGenerator(out)) {
      csv.setSchema(schema.build().withHeader());
      for (FlagResult flag : report.results()) {
        Column.writeRow(csv, FLAG, flag);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Made on first use: a run writes one format at most, and pays only for that one. */
  private static final class Json {
    static final JsonFactory FACTORY = new JsonFactory();
  }

  /** Quotes only a field with a comma, a quote or a line break, as docs/user-guide.md says. */
  private static final class Csv {
    static final CsvFactory FACTORY =
        CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  }
}
