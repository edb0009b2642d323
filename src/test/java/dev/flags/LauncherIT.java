package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged tool, run through the {@code ./flags} launcher as a user would. */
class LauncherIT {
  @TempDir Path dest;

  record Result(int exitCode, String out, String err) {}

  /** {@code ./flags args...}, as a user runs it, ready to start. */
  static ProcessBuilder launcher(String... args) {
    List<String> command = new ArrayList<>(List.of("./flags"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_HOME"); // the launcher must find Java 25 by itself
    builder.environment().put("FLAGS_NO_BUILD", "1"); // `mvn verify` has just packaged it
    return builder;
  }

  static Result launch(String... args) throws IOException, InterruptedException {
    Process process = launcher(args).start();
    process.getOutputStream().close();
    var out = process.getInputStream().readAllBytes();
    var err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void downloadsThePopulous20FromTheEmbeddedServer() throws Exception {
    Result run = launch("--mode=threads", "-d", dest.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(" 20 flags downloaded.");
    try (var files = Files.list(dest)) {
      List<Path> gifs = files.toList();
      assertThat(gifs).hasSize(20);
      for (Path gif : gifs) {
        assertThat(Files.readAllBytes(gif))
            .startsWith("GIF89a".getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void sequentialAllSaves194() throws Exception {
    Result run = launch("--mode=sequential", "-a", "-d", dest.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 connection will be used.", "194 flags downloaded.");
    try (var files = Files.list(dest)) {
      assertThat(files).hasSize(194);
    }
  }

  @Test
  void usageErrorExits2WithOneLine() throws Exception {
    Result run = launch("-m", "0", "-d", dest.resolve("x").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void machineFormatsCarryNothingElseOnStdout() throws Exception {
    Result json = launch("--format", "json", "-d", dest.toString());
    assertThat(json.exitCode()).as(json.err()).isZero();
    var report = new ObjectMapper().readTree(json.out());
    assertThat(report.get("ok").asInt()).isEqualTo(20);
    assertThat(report.get("flags")).hasSize(20);
    try (var files = Files.list(dest)) {
      assertThat(files).hasSize(20);
    }
    Result csv = launch("--format", "csv", "-d", dest.toString());
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out().lines()).hasSize(21);
  }

  @Test
  void benchWritesJsonAndAChart() throws Exception {
    Path chart = dest.resolve("c.png");
    Result run =
        launch(
            "bench",
            "--modes",
            "sequential,threads",
            "--runs",
            "1",
            "-l",
            "4",
            "--delay",
            "10",
            "--format",
            "json",
            "--chart",
            chart.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    var report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("rows")).hasSize(2);
    assertThat(run.err()).contains("bench: sequential -m 1:", "bench: threads -m 4:");
    assertThat(ImageIO.read(chart.toFile())).isNotNull();
  }
}
