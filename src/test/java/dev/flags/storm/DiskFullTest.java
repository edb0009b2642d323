package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flags.download.Mode;
import dev.flags.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 6, the disk fills up: the destination is a 200 KB tmpfs, and the 194 flags (about 2 MB)
 * do not fit. The flags that do not fit are errors, each saying so; no partial file is left; the
 * run exits 1. A second run on the full disk replaces no saved flag by a failed one. Mounting needs
 * root and mount(8) (true in this project's CI container); elsewhere the test is skipped, and
 * {@code DiskLimitIT} still fills a disk by a file-size limit.
 */
class DiskFullTest {
  private static final Figures FIGURES = new Figures("disk full");

  @TempDir Path root;
  private Path disk;
  private boolean mounted;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  @BeforeEach
  void mountATinyDisk() throws Exception {
    disk = Files.createDirectory(root.resolve("disk"));
    mounted = command("mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", disk.toString());
    assumeTrue(mounted, "cannot mount a tmpfs here (needs root and mount(8))");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      assertThat(command("umount", disk.toString())).as("umount " + disk).isTrue();
    }
  }

  private static boolean command(String... command) throws IOException, InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false; // no such command
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theFlagsThatDoNotFitAreErrorsAndNoPartialFileIsLeft(Mode mode) throws Exception {
    Resources before = Storm.baseline();
    Invariants invariants = Invariants.watch(root, disk);
    Cli.Run run =
        Storm.flags(
            Duration.ofSeconds(60),
            "--mode=" + mode.label(),
            "-a",
            "-d",
            disk.toString(),
            "--format",
            "json");
    Report report = invariants.check(run);
    before.awaitBack();
    FIGURES.ran();
    FIGURES.injected("no space left", report.errors());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(report.ok()).isPositive();
    assertThat(report.errors()).isGreaterThan(100);
    assertThat(report.errorReasons().keySet()).containsExactly("No space left on device");

    // Again, on the full disk: the flags saved stay whole, none replaced by a failed download.
    Invariants again = Invariants.watch(root, disk);
    Report second =
        again.check(
            Storm.flags(
                Duration.ofSeconds(60),
                "--mode=" + mode.label(),
                "-a",
                "-d",
                disk.toString(),
                "--format",
                "json"));
    before.awaitBack();
    FIGURES.ran();
    FIGURES.injected("no space left", second.errors());
    assertThat(second.errors()).isGreaterThan(100);
  }
}
