package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flags.country.Countries;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard} and {@code flags report merge} through the packaged launcher, as the user guide's
 * Kubernetes Indexed Job runs them: N processes side by side, each told its index only by {@code
 * JOB_COMPLETION_INDEX}, into one folder; then their reports merged from standard input.
 */
class ShardIT {
  private static final int SHARDS = 3;

  /** The container command of {@code docs/k8s-indexed-job.yaml}, with ./flags and $OUT. */
  private static final String POD =
      "I=$((JOB_COMPLETION_INDEX+1));"
          + " exec ./flags -a --shard \"$I/"
          + SHARDS
          + "\" --format json -d \"$OUT/flags\" > \"$OUT/report-$I.json\"";

  @TempDir Path out;

  @Test
  void partsRunSideBySideSaveEveryFlagOnceAndMergeIntoTheWholeRun() throws Exception {
    List<Process> pods = new ArrayList<>();
    for (int index = 0; index < SHARDS; index++) {
      ProcessBuilder pod = LauncherIT.launcher().command("sh", "-c", POD);
      pod.environment().put("JOB_COMPLETION_INDEX", Integer.toString(index));
      pod.environment().put("OUT", out.toString());
      pods.add(pod.redirectError(out.resolve("stderr-" + index + ".txt").toFile()).start());
    }
    for (int index = 0; index < SHARDS; index++) {
      Process pod = pods.get(index);
      assertThat(pod.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(pod.exitValue())
          .as(
              "pod %d, stderr: %s, report: %s",
              index,
              Files.readString(out.resolve("stderr-" + index + ".txt")),
              Files.readString(out.resolve("report-" + (index + 1) + ".json")))
          .isZero();
    }
    try (Stream<Path> files = Files.list(out.resolve("flags"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .hasSize(Countries.allCodes().size())
          .allMatch(name -> name.matches("[a-z]{2}\\.gif"));
    }

    // cat report-*.json | flags report merge --format json -
    Path all = out.resolve("all.json");
    for (int i = 1; i <= SHARDS; i++) {
      Files.writeString(
          all,
          Files.readString(out.resolve("report-" + i + ".json")),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    Process merge =
        LauncherIT.launcher("report", "merge", "--format", "json", "-")
            .redirectInput(all.toFile())
            .start();
    byte[] stdout = merge.getInputStream().readAllBytes();
    String stderr = new String(merge.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(merge.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(merge.exitValue()).as(stderr).isZero();

    Process full =
        LauncherIT.launcher("report", "merge", all.toString())
            .redirectOutput(new File("/dev/full"))
            .start();
    String fullErr = new String(full.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(full.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(full.exitValue()).as(fullErr).isEqualTo(23);
    assertThat(fullErr).contains("cannot write the report to stdout");

    JsonNode report = new ObjectMapper().readTree(stdout);
    assertThat(report.get("requested").asInt()).isEqualTo(Countries.allCodes().size());
    assertThat(report.get("ok").asInt()).isEqualTo(Countries.allCodes().size());
    assertThat(report.get("errors").asInt()).isZero();
    assertThat(report.get("shard").asText()).isEqualTo("1/1");
    List<String> codes = new ArrayList<>();
    report.get("flags").forEach(flag -> codes.add(flag.get("cc").asText()));
    assertThat(codes).doesNotHaveDuplicates().hasSameElementsAs(Countries.allCodes());
  }

  @Test
  void aBadShardIsExit2BeforeAnythingStarts() throws IOException, InterruptedException {
    LauncherIT.Result run = LauncherIT.launch("--shard", "4/3", "-d", out.resolve("no").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("--shard")
        .contains("expected I/N with 1 <= I <= N, such as 2/3, got '4/3'");
    assertThat(out.resolve("no")).doesNotExist();
  }
}
