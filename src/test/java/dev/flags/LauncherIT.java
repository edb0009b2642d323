package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged tool, run through the {@code ./flags} launcher as a user would. */
public class LauncherIT {
  @TempDir Path dest;

  record Result(int exitCode, String out, String err) {}

  /** {@code ./flags args...}, as a user runs it, ready to start (the storm suite uses it too). */
  public static ProcessBuilder launcher(String... args) {
    List<String> command = new ArrayList<>(List.of("./flags"));
    command.addAll(List.of(args));
    return asUser(new ProcessBuilder(command));
  }

  /** The environment a user has: no JAVA_HOME; the package `mvn verify` has just built. */
  private static ProcessBuilder asUser(ProcessBuilder builder) {
    builder.environment().remove("JAVA_HOME"); // the launcher must find Java 25 by itself
    builder.environment().put("FLAGS_NO_BUILD", "1"); // `mvn verify` has just packaged it
    return builder;
  }

  /**
   * {@code env -i PATH=$PATH FLAGS_NO_BUILD=1 [env...] command...}, run to its end: only the
   * variables given, as a container, a CI job or cron starts it.
   */
  static Result inBareEnvironment(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    String path = builder.environment().get("PATH");
    builder.environment().clear();
    builder.environment().put("PATH", path);
    builder.environment().put("FLAGS_NO_BUILD", "1"); // `mvn verify` has just packaged it
    builder.environment().putAll(env);
    return run(builder);
  }

  static Result launch(String... args) throws IOException, InterruptedException {
    return run(launcher(args));
  }

  /**
   * Runs the launcher under {@code script}, which gives it a pseudo-terminal as stdin, stdout and
   * stderr, as an interactive shell would; its output is everything the terminal showed.
   */
  static Result launchOnATerminal(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            "script", "-q", "-e", "-c", "./flags " + String.join(" ", args), "/dev/null");
    builder.environment().putAll(env);
    return run(asUser(builder));
  }

  private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.start();
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
  void aTerminalGetsAProgressBarThatEndsAtTheFlagCount() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1)");
    Result run =
        launchOnATerminal(Map.of("TERM", "xterm"), "-d", dest.toString(), "-l", "12", "-a");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("100%", "12/12").contains("12 flags downloaded.");
  }

  @Test
  void noBarWithNoColorOrVerboseOrQuiet() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1)");
    Result noColor =
        launchOnATerminal(
            Map.of("TERM", "xterm", "NO_COLOR", "1"), "-d", dest.toString(), "-l", "5", "-a");
    Result verbose = launchOnATerminal(Map.of("TERM", "xterm"), "-d", dest.toString(), "-v", "BR");
    Result quiet = launchOnATerminal(Map.of("TERM", "xterm"), "-d", dest.toString(), "-q", "BR");
    for (Result run : List.of(noColor, verbose, quiet)) {
      assertThat(run.exitCode()).as(run.out()).isZero();
      assertThat(run.out()).doesNotContain("%", "\u001b");
    }
    assertThat(quiet.out()).startsWith("--------------------");
  }

  @Test
  void aPipeGetsNoBarNoControlCharactersAndNoProgressBarClasses() throws Exception {
    Path classLog = dest.resolve("classes.log");
    Result run =
        launchWith(
            Map.of("FLAGS_JAVA_OPTS", "-Xlog:class+load:file=" + classLog),
            "-d",
            dest.resolve("flags").toString(),
            "-a");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).doesNotContain("\r", "\u001b");
    String classes = Files.readString(classLog);
    assertThat(classes)
        .contains("dev.flags.report.Progress")
        // " org.jline.": the library's JLine, not the JDK's own jdk.internal.org.jline console
        // provider, which the AOT cache may load at start-up.
        .doesNotContain("me.tongfei", " org.jline.");
  }

  static Result launchWith(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./flags"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    return run(builder);
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
