package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report is data: a launched {@code flags} whose stdout cannot be written (a full disk, a
 * closed stdout) says so in one line and exits 23; one whose reader went away stays quiet.
 */
class OutputErrorIT {
  private static final File FULL = new File("/dev/full");
  private static final String LOST =
      "flags: cannot write the report to stdout: No space left on device";

  @TempDir Path tmp;

  record Ended(int exitCode, String err) {}

  /** Runs {@code builder} with stdout as it set it; stderr collected. */
  private static Ended run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.start();
    process.getOutputStream().close();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Ended(process.exitValue(), err);
  }

  /** {@code ./flags args... >&-}, through bash, the way a cron job or a daemon may start it. */
  private static ProcessBuilder withStdoutClosed(String... args) {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "./flags \"$@\" >&-", "flags"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("FLAGS_NO_BUILD", "1");
    return builder;
  }

  private long files(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void aFullDiskBehindStdoutIsOneLineAndExit23InEveryFormat() throws Exception {
    for (String format : List.of("text", "json", "csv")) {
      Path dest = tmp.resolve(format);
      Ended run =
          run(
              LauncherIT.launcher("--format", format, "-l", "5", "-d", dest.toString())
                  .redirectOutput(FULL));
      assertThat(run.exitCode()).as(format + ": " + run.err()).isEqualTo(23);
      assertThat(run.err().lines()).as(format).containsExactly(LOST);
      assertThat(files(dest)).as("the downloads themselves went well").isEqualTo(5);
    }
  }

  @Test
  void aClosedStdoutIsAnErrorToo() throws Exception {
    Ended run = run(withStdoutClosed("--format", "json", "-l", "3", "-d", tmp.toString()));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(23);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("flags: cannot write the report to stdout: ");
    assertThat(files(tmp)).isEqualTo(3);
  }

  @Test
  void aReaderThatWentAwayIsQuietAndTheDownloadsAreUnharmed() throws Exception {
    Process process = LauncherIT.launcher("-v", "-a", "-d", tmp.toString()).start();
    process.getInputStream().close(); // the reader of the pipe goes away, as `| head -1` does
    process.getOutputStream().close();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    assertThat(err).isEmpty();
    assertThat(files(tmp)).isEqualTo(194);
  }

  @Test
  void headOneGetsItsLineAndTheRunFinishes() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            "bash",
            "-c",
            "./flags -v -a -d \"$1\" | head -1; exit ${PIPESTATUS[0]}",
            "flags",
            tmp.toString());
    builder.environment().put("FLAGS_NO_BUILD", "1");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    assertThat(out).startsWith("EMBEDDED site: http://127.0.0.1:").hasLineCount(1);
    assertThat(err).isEmpty();
    assertThat(files(tmp)).isEqualTo(194);
  }

  @Test
  void benchAndServeSayTheSame() throws Exception {
    Ended bench =
        run(
            LauncherIT.launcher(
                    "bench", "--modes", "sequential", "--runs", "1", "-l", "2", "--delay", "0")
                .redirectOutput(FULL));
    assertThat(bench.exitCode()).as(bench.err()).isEqualTo(23);
    assertThat(bench.err().lines()).contains(LOST).last().isEqualTo(LOST);

    Ended serve = run(LauncherIT.launcher("serve", "--port", "0", "-q").redirectOutput(FULL));
    assertThat(serve.exitCode()).as(serve.err()).isEqualTo(23);
    assertThat(serve.err().lines()).containsExactly(LOST);
  }

  @Test
  void versionAndHelpAreReportsToo() throws Exception {
    for (String arg : List.of("--version", "--help")) {
      Ended run = run(LauncherIT.launcher(arg).redirectOutput(FULL));
      assertThat(run.exitCode()).as(arg + ": " + run.err()).isEqualTo(23);
      assertThat(run.err().lines()).as(arg).containsExactly(LOST);
    }
  }
}
