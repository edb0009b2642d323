package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flags.LauncherIT;
import dev.flags.download.Mode;
import dev.flags.testing.Cli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 4, the process pool under {@code kill -9}, through the launched {@code ./flags
 * --mode=processes} (three worker JVMs, 194 flags, 10–30 ms per answer), at a random (seeded) point
 * of the run: after the k-th flag has arrived.
 *
 * <ul>
 *   <li>one worker killed, or all of them: their flags are tried again on the others and on
 *       replacements; all 194 arrive, exit 0, the invariants hold, and every worker, the killed
 *       ones' replacements included, is gone when the run ends;
 *   <li>the parent killed: its workers notice their stdin closing, cancel, remove their temp files
 *       and exit, within 2 s; every file left is a complete flag.
 * </ul>
 *
 * <p>A worker printing garbage on stdout is {@code ProcessPoolDownloaderTest}'s (real worker JVMs
 * answering garbage, which the launcher offers no way to start).
 */
class ProcessPoolStormIT {
  private static final Figures FIGURES = new Figures("process pool");
  private static final Pattern RESULT = Pattern.compile("(?m) [A-Z]{2} OK$");

  @TempDir Path root;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  static Stream<Arguments> killPoints(int perCase) {
    Random random = new Random(4);
    return Stream.of("one", "all")
        .flatMap(
            which ->
                Stream.generate(() -> Arguments.of(which, random.nextInt(5, 61))).limit(perCase));
  }

  static Stream<Arguments> onePointEach() {
    return killPoints(1);
  }

  static Stream<Arguments> fivePointsEach() {
    return killPoints(5);
  }

  private static Launched launch(Path dest) throws Exception {
    return Launched.start(
        LauncherIT.launcher(
            "--mode=" + Mode.PROCESSES.label(),
            "-m",
            "3",
            "-a",
            "-d",
            dest.toString(),
            "--server-delay",
            "10..30",
            "--server-seed",
            "4",
            "--format",
            "json",
            "-v"));
  }

  /** Waits until {@code count} flags have arrived; returns the workers alive then. */
  private static List<ProcessHandle> workersAfter(Launched flags, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> RESULT.matcher(flags.err()).results().count() >= count);
    List<ProcessHandle> workers =
        flags.process().children().filter(ProcessHandle::isAlive).toList();
    flags.descendants(); // sampled now, before anything is killed
    assertThat(workers).as("workers mid-run").isNotEmpty();
    return workers;
  }

  @ParameterizedTest(name = "kill -9 of {0} worker(s) after {1} flags")
  @MethodSource("onePointEach")
  void killedWorkersCostNoFlag(String which, int after) throws Exception {
    killWorkers(which, after);
  }

  @Tag("soak")
  @ParameterizedTest(name = "kill -9 of {0} worker(s) after {1} flags")
  @MethodSource("fivePointsEach")
  void soak(String which, int after) throws Exception {
    killWorkers(which, after);
  }

  private void killWorkers(String which, int after) throws Exception {
    Path dest = root.resolve("dest");
    Resources before = Resources.now();
    Invariants invariants = Invariants.watch(root, dest);
    try (Launched flags = launch(dest)) {
      List<ProcessHandle> workers = workersAfter(flags, after);
      List<ProcessHandle> killed = which.equals("one") ? workers.subList(0, 1) : workers;
      killed.forEach(ProcessHandle::destroyForcibly); // SIGKILL
      Cli.Run run = flags.await(Duration.ofSeconds(60));
      Report report = invariants.check(run);
      flags.assertNoProcessLeft(before);
      FIGURES.ran();
      FIGURES.injected("worker killed", killed.size());

      assertThat(report.ok()).as("errors: %s", report.errorReasons()).isEqualTo(194);
      assertThat(run.err()).contains("died");
      assertThat(killed).noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void killingTheParentTakesItsWorkersWithItWithinTwoSeconds() throws Exception {
    Path dest = root.resolve("dest");
    Resources before = Resources.now();
    Invariants invariants = Invariants.watch(root, dest);
    int after = new Random(44).nextInt(5, 61);
    try (Launched flags = launch(dest)) {
      List<ProcessHandle> workers = workersAfter(flags, after);
      flags.kill("KILL");
      Cli.Run run = flags.await(Duration.ofSeconds(10));
      assertThat(run.exitCode()).isEqualTo(128 + 9);
      flags.assertNoProcessLeft(before); // within 2 s of the parent's end
      assertThat(workers).noneMatch(ProcessHandle::isAlive);
      invariants.checkFilesOnly();
      FIGURES.ran();
      FIGURES.injected("parent killed", 1);
    }
  }
}
