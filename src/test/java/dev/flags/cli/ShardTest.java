package dev.flags.cli;

import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --shard I/N}: N runs, each into its own folder, save exactly what one whole run saves, no
 * flag twice; and {@code flags report merge} of their JSON reports counts what the whole run
 * counts.
 */
class ShardTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  @TempDir Path temp;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** 10 flags served, 2 failing with 503, 3 unknown to the server (404). */
  private static final List<String> SAVED =
      List.of("BR", "CN", "DE", "EG", "FR", "IN", "JP", "MX", "NG", "US");

  private static final List<String> FAILING = List.of("ET", "PK");
  private static final List<String> UNKNOWN = List.of("QQ", "XX", "ZZ");

  private String[] args(Path dest, String... more) {
    List<String> args = new ArrayList<>(List.of("-s", stubs.baseUrl(), "-d", dest.toString()));
    args.addAll(List.of("--retries", "0", "--format", "json"));
    args.addAll(List.of(more));
    args.addAll(SAVED);
    args.addAll(FAILING);
    args.addAll(UNKNOWN);
    return args.toArray(String[]::new);
  }

  private void serve() {
    SAVED.forEach(stubs::ok);
    FAILING.forEach(cc -> stubs.status(cc, 503));
  }

  /** File name to content, for every file in {@code dir}. */
  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.toList()) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static long bytes(JsonNode report) {
    long bytes = 0;
    for (JsonNode flag : report.get("flags")) {
      bytes += flag.get("bytes").asLong();
    }
    return bytes;
  }

  private static List<String> codes(JsonNode report) {
    List<String> codes = new ArrayList<>();
    report.get("flags").forEach(flag -> codes.add(flag.get("cc").asText()));
    return codes;
  }

  @Test
  void shardsSaveExactlyTheWholeRunsFilesOnceAndMergeToItsCounts() throws IOException {
    serve();
    Path wholeDir = temp.resolve("whole");
    Run whole = flags(args(wholeDir));
    assertThat(whole.exitCode()).as(whole.err()).isEqualTo(ExitCodes.ERRORS);
    JsonNode wholeReport = JSON.readTree(whole.out());
    assertThat(wholeReport.get("shard").asText()).isEqualTo("1/1");

    int n = 4;
    Map<String, byte[]> shardFiles = new HashMap<>();
    List<String> shardCodes = new ArrayList<>();
    List<String> reports = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Path dir = temp.resolve("shard-" + i);
      Run shard = flags(args(dir, "--shard", i + "/" + n));
      JsonNode report = JSON.readTree(shard.out());
      assertThat(report.get("shard").asText()).isEqualTo(i + "/" + n);
      // 15 codes in 4 parts: 4, 4, 4, 3.
      assertThat(report.get("requested").asInt()).isEqualTo(i <= 3 ? 4 : 3);
      shardCodes.addAll(codes(report));
      for (Map.Entry<String, byte[]> file : files(dir).entrySet()) {
        assertThat(shardFiles.put(file.getKey(), file.getValue()))
            .as("%s saved by two shards", file.getKey())
            .isNull();
      }
      Path json = temp.resolve("shard-" + i + ".json");
      Files.writeString(json, shard.out());
      reports.add(json.toString());
    }

    assertThat(shardCodes).doesNotHaveDuplicates().hasSameElementsAs(codes(wholeReport));
    Map<String, byte[]> wholeFiles = files(wholeDir);
    assertThat(shardFiles).containsOnlyKeys(wholeFiles.keySet());
    wholeFiles.forEach((name, content) -> assertThat(shardFiles.get(name)).isEqualTo(content));
    assertThat(wholeFiles).hasSize(SAVED.size());

    List<String> merge = new ArrayList<>(List.of("report", "merge", "--format", "json"));
    merge.addAll(reports.reversed()); // in any order
    Run merged = flags(merge.toArray(String[]::new));
    assertThat(merged.exitCode()).as(merged.err()).isEqualTo(whole.exitCode());
    assertThat(merged.err()).isEmpty();
    JsonNode mergedReport = JSON.readTree(merged.out());
    for (String count : List.of("requested", "ok", "not_found", "errors")) {
      assertThat(mergedReport.get(count)).as(count).isEqualTo(wholeReport.get(count));
    }
    assertThat(bytes(mergedReport)).isEqualTo(bytes(wholeReport));
    assertThat(mergedReport.get("requested").asInt()).isEqualTo(15);
    assertThat(mergedReport.get("ok").asInt()).isEqualTo(SAVED.size());
    assertThat(mergedReport.get("not_found").asInt()).isEqualTo(UNKNOWN.size());
    assertThat(mergedReport.get("errors").asInt()).isEqualTo(FAILING.size());
    assertThat(mergedReport.get("shard").asText()).isEqualTo("1/1");
    assertThat(codes(mergedReport)).hasSameElementsAs(codes(wholeReport));
  }

  @Test
  void theShardIsTakenRoundRobinFromTheSortedLimitedCodes() throws IOException {
    // -e -l 10: AA..AJ; part 2 of 3 is the 2nd, 5th and 8th of them.
    Run run =
        flags("-s", stubs.baseUrl(), "-d", temp.toString(), "-e", "-l", "10", "--shard", "2/3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Searching for 3 flags (shard 2/3): AB, AE, AH\n");
    assertThat(stubs.requestsFor("AB")).isEqualTo(1);
    assertThat(stubs.requestsFor("AA")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0/3", "4/3", "1/0", "x/y", "1/3/4", "", "2", "-1/3", "99999999999/3"})
  void aBadShardIsAUsageErrorInOneLineAndNothingIsDownloaded(String shard) {
    Path dest = temp.resolve("never");
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--shard", shard, "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("--shard")
        .contains("expected I/N with 1 <= I <= N, such as 2/3, got '" + shard + "'");
    assertThat(run.out()).isEmpty();
    assertThat(dest).doesNotExist();
    assertThat(stubs.requestsFor("BR")).isZero();
  }

  @Test
  void moreShardsThanCodesIsAUsageError() {
    Path dest = temp.resolve("never");
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--shard", "3/3", "BR", "JP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("--shard 3/3: 2 codes make at most 2 shards");
    assertThat(dest).doesNotExist();
  }
}
