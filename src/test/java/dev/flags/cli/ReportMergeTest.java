package dev.flags.cli;

import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.testing.Cli.Run;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flags report merge}: its three formats and exit codes, and bad input (a missing file, not
 * JSON, another schema, shards that do not make a whole run) as one line and exit 2.
 */
class ReportMergeTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  @TempDir Path temp;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** BR, CN, JP saved, QQ not found: the reports of its shards 1/2 and 2/2, and the whole run. */
  private static final String[] CODES = {"BR", "CN", "JP", "QQ"};

  private Path shard1;
  private Path shard2;

  @BeforeEach
  void shards() throws IOException {
    stubs.ok("BR");
    stubs.ok("CN");
    stubs.ok("JP");
    shard1 = report("--shard", "1/2");
    shard2 = report("--shard", "2/2");
  }

  /** Runs flags with {@code --format json} and these arguments; returns the file of its report. */
  private Path report(String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("-s", stubs.baseUrl(), "--format", "json"));
    args.addAll(List.of("-d", temp.resolve("flags").toString()));
    args.addAll(List.of(more));
    args.addAll(List.of(CODES));
    Run run = flags(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isLessThanOrEqualTo(ExitCodes.ERRORS);
    Path file = Files.createTempFile(temp, "report", ".json");
    Files.writeString(file, run.out());
    return file;
  }

  private Path file(String content) throws IOException {
    Path file = Files.createTempFile(temp, "input", ".json");
    Files.writeString(file, content);
    return file;
  }

  private static Run merge(Object... args) {
    List<String> all = new ArrayList<>(List.of("report", "merge"));
    for (Object arg : args) {
      all.add(arg.toString());
    }
    return flags(all.toArray(String[]::new));
  }

  /** The report in {@code file} with {@code field} set to {@code value}. */
  private Path edited(Path file, String field, Object value) throws IOException {
    ObjectNode report = (ObjectNode) JSON.readTree(file.toFile());
    report.set(field, JSON.valueToTree(value));
    return file(JSON.writeValueAsString(report));
  }

  private static void assertUsageError(Run run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("flags: report merge: ").contains(message);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void textSaysWhatTheWholeRunWouldAndTheShardsTimeInAll() {
    Run run = merge(shard1, shard2);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .startsWith(
            "Merged 2 shards of 4 flags: BR, CN, JP, QQ\n"
                + "--------------------\n  3 flags downloaded.\n  1 not found.\nElapsed time: ")
        .containsPattern("\nShards' time in all: \\d+\\.\\d\\ds\n$");
  }

  @Test
  void jsonOfOneWholeRunIsThatRunsReportUnchanged() throws IOException {
    Path whole = report();
    Run run = merge("--format", "json", whole);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(whole));
  }

  @Test
  void jsonTakesTheLongestElapsedTheSumOfMaxReqAndTheEarliestStart() throws IOException {
    JsonNode first = JSON.readTree(shard1.toFile());
    JsonNode second = JSON.readTree(shard2.toFile());
    JsonNode merged = JSON.readTree(merge("--format", "json", shard1, shard2).out());
    assertThat(merged.get("elapsed_s").asDouble())
        .isEqualTo(Math.max(first.get("elapsed_s").asDouble(), second.get("elapsed_s").asDouble()));
    assertThat(merged.get("max_req").asInt())
        .isEqualTo(first.get("max_req").asInt() + second.get("max_req").asInt());
    assertThat(merged.get("started_at").asText()).isEqualTo(first.get("started_at").asText());
    assertThat(merged.get("base_url").asText()).isEqualTo(stubs.baseUrl());
    assertThat(merged.get("flags")).hasSize(4);
  }

  @Test
  void jsonOfOneWholeRunWithWorkIsThatRunsReportUnchanged() throws IOException {
    Path whole = report("--work", "1", "--gil");
    Run run = merge("--format", "json", whole);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(whole));
  }

  @Test
  void eachFlagsWorkComesThroughAsItsShardWroteIt() throws IOException {
    Path first = report("--shard", "1/2", "--work", "1", "--gil");
    Path second = report("--shard", "2/2", "--work", "1", "--gil");
    Map<String, JsonNode> written = new HashMap<>();
    long rounds = 0;
    double cpu = 0;
    for (Path shard : List.of(first, second)) {
      JsonNode report = JSON.readTree(shard.toFile());
      report.get("flags").forEach(flag -> written.put(flag.get("cc").asText(), flag));
      rounds = Math.max(rounds, report.get("work_rounds").asLong());
      cpu += report.get("cpu_s").asDouble();
    }
    assertThat(written.values())
        .filteredOn(flag -> flag.get("status").asText().equals("ok"))
        .hasSize(3)
        .allSatisfy(flag -> assertThat(flag.get("rounds").asLong()).isPositive())
        .allSatisfy(flag -> assertThat(flag.get("digest").asText()).hasSize(64));

    JsonNode merged = JSON.readTree(merge("--format", "json", first, second).out());
    assertThat(merged.get("flags")).hasSize(4);
    merged
        .get("flags")
        .forEach(flag -> assertThat(flag).isEqualTo(written.get(flag.get("cc").asText())));
    assertThat(merged.get("work_rounds").asLong()).isEqualTo(rounds);
    assertThat(merged.get("gil").asText()).isEqualTo("on");
    assertThat(merged.get("cpu_s").asDouble()).isCloseTo(cpu, within(0.002));
    assertThat(merged.get("parallelism").isNumber()).isTrue();
  }

  @Test
  void valuesTheShardsDifferInAreEachListedOnce() throws IOException {
    Path async = edited(shard2, "mode", "async");
    JsonNode merged = JSON.readTree(merge("--format", "json", shard1, async).out());
    assertThat(merged.get("mode").asText()).isEqualTo("threads async");
    assertThat(merged.get("server").asText()).isEqualTo("CUSTOM");
  }

  @Test
  void csvIsTheWholeRunsRowsAndAnErrorInAShardMakesExitCode1() throws IOException {
    stubs.status("JP", 503);
    Path failing = report("--shard", "1/2", "--retries", "0");
    assertThat(JSON.readTree(failing.toFile()).get("errors").asInt()).isEqualTo(1);
    Run run = merge("--format", "csv", failing, shard2);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo(
            "cc,status,bytes,attempts,ms,worker,error,start_ms,io_ms,lock_start_ms,lock_ms,"
                + "compute_start_ms,compute_ms,cpu_ms,rounds,digest");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(4)
        .anyMatch(line -> line.startsWith("JP,error,0,1,"))
        .anyMatch(line -> line.startsWith("QQ,not_found,0,"));
  }

  @Test
  void severalReportsInOneFileAreRead() throws IOException {
    String first = Files.readString(shard1).strip();
    String second = Files.readString(shard2).strip();
    for (Path both : List.of(file(first + "\n" + second), file("[" + first + "," + second + "]"))) {
      Run run = merge("--format", "json", both);
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(JSON.readTree(run.out()).get("requested").asInt()).isEqualTo(4);
    }
  }

  @Test
  void aMissingFileIsAUsageError() {
    assertUsageError(merge(shard1, temp.resolve("nope.json")), "nope.json: no such file");
  }

  @Test
  void aFolderIsAUsageError() {
    assertUsageError(merge(shard1, temp), ": cannot read: ");
  }

  @Test
  void notJsonIsAUsageError() throws IOException {
    assertUsageError(merge(shard1, file("EMBEDDED site: http://x\n")), ": not JSON: ");
  }

  @Test
  void anEmptyFileIsAUsageError() throws IOException {
    assertUsageError(merge(shard1, file("")), ": empty: no report in it");
  }

  @Test
  void anotherSchemaIsAUsageError() throws IOException {
    Path bench = file("{\"server\":\"EMBEDDED\",\"rows\":[]}");
    assertUsageError(merge(bench), ": not a flags report: no field 'mode'");
    assertUsageError(merge(file("42")), ": not a flags report: a JSON number, not an object");
    assertUsageError(merge(file("[[]]")), ": not a flags report: a JSON array, not an object");
    assertUsageError(
        merge(edited(shard1, "ok", "three")),
        ": not a flags report: field 'ok' is not a whole number");
    assertUsageError(
        merge(edited(shard1, "shard", "3/2")),
        ": not a flags report: field 'shard' is '3/2', not I/N");
  }

  @Test
  void aFlagOfAnotherShapeIsAUsageError() throws IOException {
    ObjectNode report = (ObjectNode) JSON.readTree(shard1.toFile());
    ((ObjectNode) report.get("flags").get(0)).put("status", "lost");
    assertUsageError(
        merge(file(JSON.writeValueAsString(report)), shard2),
        ": not a flags report: flag status 'lost' is not ok, not_found or error");
  }

  @Test
  void aReportWhoseCountsDisagreeWithItsFlagsIsAUsageError() throws IOException {
    assertUsageError(merge(edited(shard1, "ok", 7), shard2), ": says ok 7 but its flags give ");
  }

  @Test
  void shardsThatDoNotMakeAWholeRunAreAUsageError() throws IOException {
    assertUsageError(merge(shard1), "cannot merge: shard 2/2 is missing");
    assertUsageError(merge(shard1, shard2, shard2), "cannot merge: shard 2/2 is given 2 times");
    assertUsageError(
        merge(shard1, edited(shard2, "shard", "2/3")),
        "cannot merge: shards of different splits: some of 2, some of 3");
    assertUsageError(
        merge(shard1, edited(shard1, "shard", "2/2")),
        " is in shard 1/2 and in shard 2/2: were they run with the same codes?");
  }

  @Test
  void reportAloneAndMergeWithoutFilesAreUsageErrors() {
    Run report = flags("report");
    assertThat(report.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(report.err().lines()).hasSize(1);
    assertThat(report.err()).contains("merge");
    Run merge = merge();
    assertThat(merge.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(merge.err().lines()).hasSize(1);
  }
}
