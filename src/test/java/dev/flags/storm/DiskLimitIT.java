package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.LauncherIT;
import dev.flags.download.Mode;
import dev.flags.testing.Cli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 6 without root: the launched {@code ./flags} runs under a file-size limit of 8 KiB
 * ({@code ulimit -f 8}), so every flag larger than that fails to be written (EFBIG; the JVM ignores
 * SIGXFSZ, so the write fails instead of the process dying). Those flags are errors, each saying
 * so; no partial file is left; the run exits 1; no process is left behind.
 */
class DiskLimitIT {
  private static final Figures FIGURES = new Figures("file-size limit");

  @TempDir Path root;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void flagsOverTheLimitAreErrorsAndNoPartialFileIsLeft(Mode mode) throws Exception {
    Path dest = root.resolve("dest");
    ProcessBuilder launcher =
        LauncherIT.launcher(
            "--mode=" + mode.label(), "-a", "-d", dest.toString(), "--format", "json");
    List<String> limited =
        new ArrayList<>(List.of("bash", "-c", "ulimit -f 8 && exec \"$@\"", "flags"));
    limited.addAll(launcher.command());
    launcher.command(limited);
    Resources before = Resources.now();
    Invariants invariants = Invariants.watch(root, dest);
    try (Launched flags = Launched.start(launcher)) {
      Cli.Run run = flags.await(Duration.ofSeconds(60));
      Report report = invariants.check(run);
      flags.assertNoProcessLeft(before);
      FIGURES.ran();
      FIGURES.injected("file too large", report.errors());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(report.ok()).isPositive();
      assertThat(report.errors()).isPositive();
      assertThat(report.errorReasons().keySet()).containsExactly("File too large");
      assertThat(report.with("ok").values()).allMatch(flag -> flag.bytes() <= 8 * 1024);
    }
  }
}
