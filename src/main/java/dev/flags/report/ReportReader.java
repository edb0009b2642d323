package dev.flags.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flags.country.Shard;
import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import dev.flags.download.Mode;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Connections;
import dev.flags.outcome.Outcome;
import dev.flags.work.WorkDone;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads what {@code --format json} wrote ({@link RunSchema}) back into {@link RunReport}s, for
 * {@code flags report merge}. Every field of the schema must be there with its type, and a report
 * must agree with itself: its counts are those of its flags. What JSON does not carry comes back as
 * what it implies: a flag {@code ok} with 0 bytes was already saved (a downloaded GIF is never
 * empty). A flag's CPU work ({@code --work}) comes back whole: its rounds, digest and phases.
 */
public final class ReportReader {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

  /** The fields derived from {@code flags}, checked against it. */
  private static final List<String> COUNTS = List.of("requested", "ok", "not_found", "errors");

  private ReportReader() {}

  /**
   * Every report in {@code in}: one JSON object, several one after another (a shell's {@code cat}),
   * or a JSON array of them ({@code jq -s}). {@code in} is left open.
   */
  public static List<RunReport> read(InputStream in) throws BadReportException {
    List<RunReport> reports = new ArrayList<>();
    try (MappingIterator<JsonNode> values = Json.READER.readValues(in)) {
      while (values.hasNextValue()) {
        reports.add(report(values.nextValue()));
      }
    } catch (JacksonException e) {
      throw new BadReportException("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadReportException("cannot read: " + e.getMessage());
    }
    if (reports.isEmpty()) {
      throw new BadReportException("empty: no report in it");
    }
    return reports;
  }

  private static RunReport report(JsonNode run) throws BadReportException {
    if (!run.isObject()) {
      throw notAReport(
          "a JSON " + run.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
    }
    for (Column<RunReport> column : RunSchema.RUN) {
      field(run, column.name());
    }
    JsonNode flags = field(run, "flags");
    if (!flags.isArray()) {
      throw notAReport("field 'flags' is not an array");
    }
    List<FlagResult> results = new ArrayList<>(flags.size());
    for (JsonNode flag : flags) {
      results.add(flag(flag));
    }
    RunReport report =
        RunReport.builder()
            .modes(modes(run))
            .maxReq(count(run, "max_req"))
            .server(text(run, "server"), text(run, "base_url"))
            .codes(results.stream().map(FlagResult::cc).sorted().toList())
            .results(results)
            .startedAt(instant(run, "started_at"))
            .elapsed(seconds(run, "elapsed_s"))
            .workerStartup(seconds(run, "worker_startup_s"))
            .shard(shard(run))
            .workRounds(integer(run, "work_rounds"))
            .gil(gil(run))
            .connections(connections(run))
            .build();
    checkCounts(run, report);
    return report;
  }

  /** Each count the report states is the one its own flags give. */
  private static void checkCounts(JsonNode run, RunReport report) throws BadReportException {
    for (Column<RunReport> column : RunSchema.RUN) {
      if (COUNTS.contains(column.name())) {
        long stated = integer(run, column.name());
        long counted = ((Number) column.value().apply(report)).longValue();
        if (stated != counted) {
          throw new BadReportException(
              "says "
                  + column.name()
                  + " "
                  + stated
                  + " but its flags give "
                  + counted
                  + ": not a whole report");
        }
      }
    }
  }

  private static FlagResult flag(JsonNode flag) throws BadReportException {
    if (!flag.isObject()) {
      throw notAReport("an element of 'flags' is not an object");
    }
    for (Column<FlagResult> column : RunSchema.FLAG) {
      field(flag, column.name());
    }
    String cc = text(flag, "cc");
    if (!CODE.matcher(cc).matches()) {
      throw notAReport("flag code '" + shown(cc) + "' is not two letters A to Z");
    }
    FlagStatus status = status(flag);
    long bytes = integer(flag, "bytes");
    Outcome outcome =
        switch (status) {
          case OK -> bytes > 0 ? Outcome.saved(bytes, null) : Outcome.alreadySaved(null);
          case NOT_FOUND -> Outcome.notFound(textOrNull(flag, "error"));
          case ERROR -> Outcome.failed(new Cause.Reported(textOrNull(flag, "error")));
        };
    return FlagResult.of(cc, outcome)
        .withAttempts(count(flag, "attempts"))
        .withTime(integer(flag, "start_ms"), integer(flag, "ms"))
        .withWorker(textOrNull(flag, "worker"))
        .withWork(work(flag));
  }

  /** The flag's CPU work ({@code --work}): its rounds, digest and phases, or none. */
  private static WorkDone work(JsonNode flag) throws BadReportException {
    long rounds = integer(flag, "rounds");
    if (rounds == 0) {
      return WorkDone.NONE;
    }
    return new WorkDone(
        rounds,
        text(flag, "digest"),
        nanos(flag, "lock_start_ms"),
        nanos(flag, "lock_ms"),
        nanos(flag, "compute_ms"),
        nanos(flag, "cpu_ms"));
  }

  /** The fields a run over TLS adds after {@code flags}; {@link Connections#NONE} without them. */
  private static Connections connections(JsonNode run) throws BadReportException {
    if (run.get("tls_version") == null) {
      return Connections.NONE;
    }
    return new Connections(
        integer(run, "connections"),
        integer(run, "tls_handshakes"),
        textOrNull(run, "protocol"),
        textOrNull(run, "tls_version"));
  }

  private static boolean gil(JsonNode run) throws BadReportException {
    String text = text(run, "gil");
    if (!text.equals("on") && !text.equals("off")) {
      throw notAReport("field 'gil' is '" + shown(text) + "', not on or off");
    }
    return text.equals("on");
  }

  private static FlagStatus status(JsonNode flag) throws BadReportException {
    String name = text(flag, "status");
    for (FlagStatus status : FlagStatus.values()) {
      if (RunSchema.statusName(status).equals(name)) {
        return status;
      }
    }
    throw notAReport("flag status '" + shown(name) + "' is not ok, not_found or error");
  }

  private static Shard shard(JsonNode run) throws BadReportException {
    String text = text(run, "shard");
    return Shard.parse(text)
        .orElseThrow(
            () -> notAReport("field 'shard' is '" + shown(text) + "', not I/N such as 2/3"));
  }

  private static JsonNode field(JsonNode object, String name) throws BadReportException {
    JsonNode value = object.get(name);
    if (value == null) {
      throw notAReport("no field '" + name + "'");
    }
    return value;
  }

  /** {@code threads}, or {@code threads async} for a merged report. */
  private static List<Mode> modes(JsonNode run) throws BadReportException {
    List<Mode> modes = new ArrayList<>();
    for (String label : text(run, "mode").split(" ", -1)) {
      modes.add(
          Mode.ofLabel(label).orElseThrow(() -> notAReport("unknown mode '" + shown(label) + "'")));
    }
    return modes;
  }

  private static String text(JsonNode object, String name) throws BadReportException {
    JsonNode value = field(object, name);
    if (!value.isTextual()) {
      throw notAReport("field '" + name + "' is not a string");
    }
    return value.textValue();
  }

  private static String textOrNull(JsonNode object, String name) throws BadReportException {
    return field(object, name).isNull() ? null : text(object, name);
  }

  private static long integer(JsonNode object, String name) throws BadReportException {
    JsonNode value = field(object, name);
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
      throw notAReport("field '" + name + "' is not a whole number of at least 0");
    }
    return value.longValue();
  }

  private static int count(JsonNode object, String name) throws BadReportException {
    long value = integer(object, name);
    if (value > Integer.MAX_VALUE) {
      throw notAReport("field '" + name + "' is too large: " + value);
    }
    return (int) value;
  }

  private static Duration seconds(JsonNode object, String name) throws BadReportException {
    JsonNode value = field(object, name);
    if (!value.isNumber() || value.doubleValue() < 0) {
      throw notAReport("field '" + name + "' is not a number of seconds");
    }
    return Duration.ofNanos(Math.round(value.doubleValue() * 1e9));
  }

  /** A time in ms, as the schema writes the work's (to the microsecond), in ns. */
  private static long nanos(JsonNode object, String name) throws BadReportException {
    JsonNode value = field(object, name);
    if (!value.isNumber() || value.doubleValue() < 0) {
      throw notAReport("field '" + name + "' is not a number of ms");
    }
    return Math.round(value.doubleValue() * 1e6);
  }

  private static Instant instant(JsonNode object, String name) throws BadReportException {
    String text = text(object, name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw notAReport("field '" + name + "' is not an ISO 8601 instant: '" + shown(text) + "'");
    }
  }

  /** A value from the file, short enough for a one-line message (line breaks are the caller's). */
  private static String shown(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }

  private static BadReportException notAReport(String why) {
    return new BadReportException("not a flags report: " + why);
  }

  /** Made on first use: only {@code report merge} reads reports. */
  private static final class Json {
    // The caller owns the stream: standard input stays open for whatever reads it next.
    static final ObjectReader READER =
        JsonMapper.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build()
            .readerFor(JsonNode.class);
  }
}
