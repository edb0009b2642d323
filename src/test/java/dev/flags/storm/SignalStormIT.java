package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flags.LauncherIT;
import dev.flags.download.Mode;
import dev.flags.testing.Cli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 5, signals: SIGINT and SIGTERM sent to a launched {@code ./flags} at a random (seeded)
 * point of its run, in every mode: after the k-th flag of 194 has arrived, k drawn from 1..40. The
 * run stops with 130 or 143 and its partial report (JSON on stdout, which still adds up), the last
 * line on stderr says how many flags were unfinished, no temp file is left, and no process is left
 * behind. The embedded server waits 50–100 ms per answer and 4 flags are fetched at a time, so the
 * signal lands mid-run with downloads in flight. The soak variant draws five points per case.
 */
class SignalStormIT {
  private static final Figures FIGURES = new Figures("signals");
  private static final Pattern RESULT = Pattern.compile("(?m) [A-Z]{2} OK$");

  @TempDir Path root;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  @SuppressWarnings("EnumOrdinal") // only a seed: each mode and signal its own repeatable draw
  static Stream<Arguments> points(int perCase) {
    return Arrays.stream(Mode.values())
        .flatMap(
            mode ->
                Stream.of("INT", "TERM")
                    .flatMap(
                        signal -> {
                          Random random = new Random(31L * mode.ordinal() + signal.length());
                          return IntStream.range(0, perCase)
                              .mapToObj(i -> Arguments.of(mode, signal, random.nextInt(1, 41)));
                        }));
  }

  static Stream<Arguments> onePointPerCase() {
    return points(1);
  }

  static Stream<Arguments> fivePointsPerCase() {
    return points(5);
  }

  @ParameterizedTest(name = "{0}: SIG{1} after {2} flags")
  @MethodSource("onePointPerCase")
  void aSignalMidRunStopsItCleanly(Mode mode, String signal, int after) throws Exception {
    signalAfter(mode, signal, after);
  }

  @Tag("soak")
  @ParameterizedTest(name = "{0}: SIG{1} after {2} flags")
  @MethodSource("fivePointsPerCase")
  void soak(Mode mode, String signal, int after) throws Exception {
    signalAfter(mode, signal, after);
  }

  private void signalAfter(Mode mode, String signal, int after) throws Exception {
    Path dest = root.resolve("dest");
    Resources before = Resources.now();
    Invariants invariants = Invariants.watch(root, dest);
    try (Launched flags =
        Launched.start(
            LauncherIT.launcher(
                "--mode=" + mode.label(),
                "-a",
                "-m",
                "4",
                "-d",
                dest.toString(),
                "--server-delay",
                "50..100",
                "--server-seed",
                "8",
                "--format",
                "json",
                "-v"))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> RESULT.matcher(flags.err()).results().count() >= after);
      flags.descendants(); // the workers, if any, as they are before the signal
      flags.kill(signal);
      Cli.Run run = flags.await(Duration.ofSeconds(30));
      int exitCode = signal.equals("INT") ? 130 : 143;
      Report report = invariants.checkStopped(run, exitCode);
      flags.assertNoProcessLeft(before);
      FIGURES.ran();
      FIGURES.injected("SIG" + signal, 1);

      assertThat(report.ok()).isGreaterThanOrEqualTo(after);
      assertThat(report.errorReasons().keySet()).containsExactly("interrupted");
      String word = signal.equals("INT") ? "interrupted" : "terminated";
      assertThat(run.err().lines().toList().getLast())
          .isEqualTo("flags: " + word + ": " + report.errors() + " of 194 flags unfinished");
    }
  }
}
