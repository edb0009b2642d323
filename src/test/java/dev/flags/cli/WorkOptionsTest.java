package dev.flags.cli;

import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flags.testing.Cli.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --work} and {@code --gil} on the command line: what they print, and their misuse. */
class WorkOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dest;

  private Run run(String... args) {
    List<String> argv = new ArrayList<>(List.of("-d", dest.toString()));
    argv.addAll(List.of(args));
    return flags(argv.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--work -1|'-1' is not a work time",
        "--work abc|'abc' is not a work time",
        "--work 60001|'60001' is not a work time",
        "--work|--work: expected a value (MS) after it",
        "serve --gil|unknown option '--gil'"
      })
  void misuseIsAOneLineUsageError(String argsAndMessage) {
    String[] parts = argsAndMessage.split("\\|", -1);
    Run run = run(parts[0].split(" ", -1));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("flags: ").contains(parts[1]);
  }

  @Test
  void workZeroIsTheBookReportAsWithoutIt() {
    Run without = run("-v", "BR", "JP");
    Run zero = run("-v", "--work", "0", "--gil", "BR", "JP");

    assertThat(zero.exitCode()).isZero();
    assertThat(shape(zero.out())).isEqualTo(shape(without.out()));
    assertThat(zero.out()).doesNotContain("CPU time", "compute", "computes");
  }

  @Test
  void workAddsItsPhasesToTheLinesAndTheCpuTimeToTheReport() {
    Run run = run("-v", "--work", "5", "--gil", "-m", "2", "BR", "JP");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("Each flag then computes: 5 ms = \\d+ rounds of CRC-32C")
        .containsPattern("BR OK; I/O [\\d.]+s\\+[\\d.]+, lock [\\d.]+s\\+[\\d.]+, compute ")
        .containsPattern("CPU time: [\\d.]+s, parallelism [\\d.]+ \\(CPU time / elapsed\\)");
  }

  @Test
  void jsonCarriesTheRoundsAndTheDigestOfEveryFlag() throws Exception {
    Run run = run("--format", "json", "--work", "5", "BR", "JP");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    long rounds = json.get("work_rounds").asLong();
    assertThat(rounds).isPositive();
    assertThat(json.get("gil").asText()).isEqualTo("off");
    assertThat(json.get("parallelism").isNumber()).isTrue();
    for (JsonNode flag : json.get("flags")) {
      assertThat(flag.get("rounds").asLong()).isEqualTo(rounds);
      assertThat(flag.get("digest").asText()).matches("[0-9a-f]{64}");
      assertThat(flag.get("compute_start_ms").asDouble())
          .isGreaterThanOrEqualTo(flag.get("lock_start_ms").asDouble());
    }
  }

  /** The report without its times: which lines, in which order, saying what. */
  private static List<String> shape(String out) {
    return out.lines()
        .map(l -> l.replaceAll("http://127\\.0\\.0\\.1:\\d+", "URL"))
        .map(l -> l.replaceAll("\\d+\\.\\d+s?", "T").replaceAll("pool-\\d+", "pool").strip())
        .sorted()
        .toList();
  }
}
