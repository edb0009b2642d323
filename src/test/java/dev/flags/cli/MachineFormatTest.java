package dev.flags.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.testing.Cli.Run;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format json|csv}: the documented schemas, and stdout carrying nothing else. */
class MachineFormatTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private long filesIn(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void jsonIsOneObjectWithTheDocumentedFieldsAndCountsThatMatchTheFiles() throws IOException {
    byte[] br = stubs.ok("BR");
    stubs.ok("JP");
    stubs.status("QQ", 404);
    stubs.status("XX", 503);
    Run run =
        flags(
            "-s",
            stubs.baseUrl(),
            "-d",
            dest.toString(),
            "--format",
            "json",
            "BR",
            "JP",
            "QQ",
            "XX");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines()).hasSize(1);
    JsonNode json = JSON.readTree(run.out());
    assertThat(fieldNames(json))
        .containsExactly(
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
            "shard",
            "work_rounds",
            "gil",
            "cpu_s",
            "parallelism",
            "flags");
    assertThat(json.get("mode").asText()).isEqualTo("threads");
    assertThat(json.get("max_req").asInt()).isEqualTo(4);
    assertThat(json.get("server").asText()).isEqualTo("CUSTOM");
    assertThat(json.get("base_url").asText()).isEqualTo(stubs.baseUrl());
    assertThat(json.get("requested").asInt()).isEqualTo(4);
    assertThat(json.get("ok").asInt()).isEqualTo(2).isEqualTo((int) filesIn(dest));
    assertThat(json.get("not_found").asInt()).isEqualTo(1);
    assertThat(json.get("errors").asInt()).isEqualTo(1);
    assertThat(json.get("elapsed_s").isNumber()).isTrue();
    assertThat(json.get("started_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(json.get("shard").asText()).isEqualTo("1/1");

    JsonNode flags = json.get("flags");
    assertThat(flags).hasSize(4);
    Map<String, JsonNode> byCc = new java.util.HashMap<>();
    for (JsonNode flag : flags) {
      assertThat(fieldNames(flag))
          .containsExactly(
              "cc",
              "status",
              "bytes",
              "attempts",
              "ms",
              "worker",
              "error",
              "start_ms",
              "io_ms",
              "lock_start_ms",
              "lock_ms",
              "compute_start_ms",
              "compute_ms",
              "cpu_ms",
              "rounds",
              "digest");
      byCc.put(flag.get("cc").asText(), flag);
    }
    assertThat(byCc.get("BR").get("status").asText()).isEqualTo("ok");
    assertThat(byCc.get("BR").get("bytes").asLong()).isEqualTo(br.length);
    assertThat(byCc.get("BR").get("error").isNull()).isTrue();
    assertThat(byCc.get("BR").get("attempts").asInt()).isEqualTo(1);
    assertThat(byCc.get("QQ").get("status").asText()).isEqualTo("not_found");
    assertThat(byCc.get("XX").get("status").asText()).isEqualTo("error");
    assertThat(byCc.get("XX").get("error").asText()).isEqualTo("HTTP 503 Service Unavailable");
    assertThat(byCc.get("XX").get("worker").asText()).startsWith("pool-");
  }

  @Test
  void verboseLinesAndTheHeaderGoToStderrWithAMachineFormat() throws IOException {
    stubs.ok("BR");
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--format", "json", "-v", "BR");
    assertThat(run.exitCode()).isZero();
    assertThat(((ObjectNode) JSON.readTree(run.out())).get("ok").asInt()).isEqualTo(1);
    assertThat(run.err()).contains("CUSTOM site: ", "BR OK\n");
    assertThat(run.out()).doesNotContain("BR OK", "site:");
  }

  @Test
  void csvHasAHeaderAndOneRowPerFlag() throws IOException {
    Run run = flags("-d", dest.toString(), "--format", "CSV");
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(21);
    assertThat(lines.getFirst())
        .isEqualTo(
            "cc,status,bytes,attempts,ms,worker,error,start_ms,io_ms,lock_start_ms,lock_ms,"
                + "compute_start_ms,compute_ms,cpu_ms,rounds,digest");
    // Without --work the phases are empty and the rounds 0.
    assertThat(lines.subList(1, 21))
        .allMatch(l -> l.matches("[A-Z]{2},ok,\\d+,1,\\d+,pool-\\d+,,\\d+,[\\d.]+,,,,,,0,"));
    assertThat(filesIn(dest)).isEqualTo(20);
  }

  @Test
  void csvQuotesCommasAndQuotesAsRfc4180Says() throws IOException {
    stubs.ok("BR");
    stubs.stub("XX", aResponse().withStatus(599).withStatusMessage("Bad, \"very\" bad"));
    Run run =
        flags(
            "-s",
            stubs.baseUrl(),
            "-d",
            dest.toString(),
            "--format",
            "csv",
            "--retries",
            "0",
            "BR",
            "XX");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out())
        .containsPattern(
            "(?m)^XX,error,0,1,\\d+,pool-\\d,\"HTTP 599 Bad, \"\"very\"\" bad\",\\d+,");
    // A CSV reader gets the text back whole.
    CsvMapper csv = new CsvMapper();
    List<Map<String, String>> rows =
        csv.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(run.out())
            .readAll();
    assertThat(rows).hasSize(2);
    Map<String, String> xx = rows.stream().filter(r -> r.get("cc").equals("XX")).findFirst().get();
    assertThat(xx.get("error")).isEqualTo("HTTP 599 Bad, \"very\" bad");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Path never = dest.resolve("never");
    Run run = flags("--format", "xml", "-d", never.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines())
        .hasSize(1)
        .first()
        .asString()
        .contains("use one of text, json, csv");
    assertThat(never).doesNotExist();
  }
}
