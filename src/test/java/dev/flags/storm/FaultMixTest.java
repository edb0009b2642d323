package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.Mode;
import dev.flags.server.Chaos;
import dev.flags.server.Fault;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.testing.Cli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 1, the fault mix: 30 % of all requests fail, by every fault the flag server has (resets,
 * empty answers, truncated bodies, garbage, slow bodies, 503 and 429 with Retry-After, and stalls
 * past the timeout), while {@code --every} code (676, of which 194 exist) is asked for, in every
 * mode, with three seeds. With {@code --retries 3} a flag is lost only if four attempts in a row
 * fail (0.3^4, under 1 %), so at least 190 of the 194 must arrive; the invariants hold in every
 * run.
 *
 * <p>Timeouts and waits are small so that a mode that does one flag at a time pays little for each
 * stall: 0.25 s per attempt, backoff 5 ms, Retry-After capped at 10 ms. The soak variant runs more
 * seeds, and with {@code --metadata}, which doubles the requests that can fail.
 */
class FaultMixTest {
  private static final Figures FIGURES = new Figures("fault mix");

  /** 30 % in all; the slow faults are rarer, as each costs a sequential run a whole timeout. */
  static final Map<Fault, Double> MIX =
      Map.of(
          Fault.RESET, 0.05,
          Fault.EMPTY, 0.05,
          Fault.TRUNCATED, 0.05,
          Fault.GARBAGE, 0.05,
          Fault.STATUS_503, 0.045,
          Fault.STATUS_429, 0.045,
          Fault.SLOW_BODY, 0.005,
          Fault.STALL, 0.005);

  private static final List<String> REASONS =
      List.of(
          "connection reset",
          "connection closed before the response",
          "body truncated (",
          "timed out after ",
          "bad response: not HTTP",
          "HTTP 503 Service Unavailable",
          "HTTP 429 Too Many Requests");

  @TempDir Path root;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  static Stream<Arguments> everyModeThreeSeeds() {
    return Arrays.stream(Mode.values())
        .flatMap(mode -> Stream.of(11L, 22L, 33L).map(seed -> Arguments.of(mode, seed)));
  }

  static Stream<Arguments> everyModeMoreSeedsWithMetadata() {
    return Arrays.stream(Mode.values())
        .flatMap(
            mode ->
                LongStream.rangeClosed(100, 109)
                    .boxed()
                    .flatMap(
                        seed ->
                            Stream.of(
                                Arguments.of(mode, seed, false), Arguments.of(mode, seed, true))));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("everyModeThreeSeeds")
  void atLeast190Of194ArriveThroughThirtyPercentFaults(Mode mode, long seed) throws Exception {
    run(mode, seed, false);
  }

  @Tag("soak")
  @ParameterizedTest(name = "{0}, seed {1}, metadata {2}")
  @MethodSource("everyModeMoreSeedsWithMetadata")
  void soak(Mode mode, long seed, boolean metadata) throws Exception {
    run(mode, seed, metadata);
  }

  private void run(Mode mode, long seed, boolean metadata) throws Exception {
    Chaos chaos = Chaos.NONE.withFaults(MIX).withSeed(seed).withSlowBody(Duration.ofSeconds(1));
    Figures thisRun = new Figures("");
    Path dest = root.resolve("dest");
    try (FlagServer server =
        FlagServer.start(
            "127.0.0.1", 0, new GeneratedFlags(), chaos, FIGURES.log().andThen(thisRun.log()))) {
      Resources before = Storm.baseline();
      Invariants invariants = Invariants.watch(root, dest);
      if (metadata) {
        invariants.named(Storm::countryFileName);
      }
      Cli.Run run =
          Storm.flags(
              Duration.ofSeconds(90),
              Storm.args(
                  "--mode=" + mode.label(),
                  "--every",
                  "-s",
                  server.baseUrl(),
                  "-d",
                  dest.toString(),
                  "--retries",
                  "3",
                  "--timeout",
                  "0.25",
                  "--backoff",
                  "0.005",
                  "--max-retry-wait",
                  "0.01",
                  "--format",
                  "json",
                  metadata ? "--metadata" : null));
      Report report = invariants.check(run);
      System.out.printf(
          "fault mix %s seed %d: %d of %d requests faulty; %d ok, %d not found, %d errors %s%n",
          mode.label(),
          seed,
          thisRun.faults(),
          thisRun.requests(),
          report.ok(),
          report.notFound(),
          report.errors(),
          report.errorReasons());
      before.awaitBack();
      FIGURES.ran();

      assertThat(report.requested()).isEqualTo(676);
      assertThat(report.ok()).as("errors: %s", report.errorReasons()).isGreaterThanOrEqualTo(190);
      assertThat(report.errorReasons().keySet())
          .as("every failure is named for what the server did")
          .allMatch(reason -> REASONS.stream().anyMatch(reason::startsWith));
      assertThat(thisRun.faults())
          .as("faults among %d requests", thisRun.requests())
          .isGreaterThanOrEqualTo(thisRun.requests() / 5);
    }
  }
}
