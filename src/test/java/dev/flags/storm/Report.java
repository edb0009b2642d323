package dev.flags.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A run's {@code --format json} report, read back as a script would (unknown fields ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
record Report(
    @JsonProperty("mode") String mode,
    @JsonProperty("requested") int requested,
    @JsonProperty("ok") long ok,
    @JsonProperty("not_found") long notFound,
    @JsonProperty("errors") long errors,
    @JsonProperty("flags") List<Flag> flags) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One flag of the report. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Flag(
      @JsonProperty("cc") String cc,
      @JsonProperty("status") String status,
      @JsonProperty("bytes") long bytes,
      @JsonProperty("attempts") int attempts,
      @JsonProperty("error") String error) {

    boolean ok() {
      return status.equals("ok");
    }
  }

  static Report parse(String json) {
    try {
      return JSON.readValue(json, Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON report: " + json, e);
    }
  }

  /** The flags with this status ({@code ok}, {@code not_found}, {@code error}), by code. */
  Map<String, Flag> with(String status) {
    return flags.stream()
        .filter(f -> f.status().equals(status))
        .collect(Collectors.toMap(Flag::cc, f -> f));
  }

  /** How many flags failed for each reason. */
  Map<String, Long> errorReasons() {
    return flags.stream()
        .filter(f -> f.status().equals("error"))
        .collect(Collectors.groupingBy(Flag::error, Collectors.counting()));
  }
}
