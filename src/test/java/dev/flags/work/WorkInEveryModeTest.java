package dev.flags.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import dev.flags.download.Mode;
import dev.flags.download.RunSpec;
import dev.flags.engine.Engine;
import dev.flags.engine.RunListener;
import dev.flags.report.RunReport;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --work} and {@code --gil} in the modes that run in this JVM, against the embedded server
 * over real HTTP. Behaviour from the recorded results, never timings: the process pool's own test
 * is {@code WorkProcessesIT}.
 */
class WorkInEveryModeTest {
  static final List<String> CODES = List.of("BR", "CN", "IN", "JP", "NG", "US");
  static final long ROUNDS = 3_000;

  private static FlagServer server;
  @TempDir Path dest;

  @BeforeAll
  static void startServer() throws Exception {
    server = FlagServer.start("127.0.0.1", 0, new GeneratedFlags());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static RunReport run(Mode mode, long rounds, boolean gil, Path dest) {
    return run(server.baseUrl(), mode, rounds, gil, dest);
  }

  /** Downloads {@link #CODES} from {@code baseUrl}, each flag then doing {@code rounds}. */
  static RunReport run(String baseUrl, Mode mode, long rounds, boolean gil, Path dest) {
    RunSpec spec =
        RunSpec.builder()
            .mode(mode)
            .codes(CODES)
            .server("EMBEDDED", baseUrl)
            .dest(dest)
            .maxReq(CODES.size())
            .work(new Workload(Duration.ZERO, rounds))
            .gil(gil)
            .build();
    RunReport report = Engine.run(spec, RunListener.NONE);
    assertThat(report.results())
        .as("%s", report.results().stream().map(FlagResult::verboseLine).toList())
        .extracting(FlagResult::status)
        .containsOnly(FlagStatus.OK);
    return report;
  }

  /** Each flag's digest, by code. */
  static Map<String, String> digests(RunReport report) {
    Map<String, String> digests = new TreeMap<>();
    report.results().forEach(r -> digests.put(r.cc(), r.work().digest()));
    return digests;
  }

  @Test
  void withoutTheLockEveryModeDoesTheSameRoundsToTheSameDigests() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    for (Mode mode : List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.ASYNC)) {
      Path folder = Files.createDirectory(dest.resolve(mode.label()));
      RunReport report = run(mode, ROUNDS, false, folder);

      assertThat(report.results()).extracting(r -> r.work().rounds()).containsOnly(ROUNDS);
      for (FlagResult result : report.results()) {
        byte[] saved = Files.readAllBytes(folder.resolve(result.file()));
        assertThat(result.work().digest())
            .as("%s in %s", result.cc(), mode)
            .isEqualTo(CpuWork.ofRounds(ROUNDS).digest(saved));
      }
      if (expected.isEmpty()) {
        expected.putAll(digests(report));
      }
      assertThat(digests(report)).as(mode.label()).isEqualTo(expected).hasSize(CODES.size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Mode.class,
      names = {"THREADS", "VIRTUAL", "ASYNC"})
  void withTheLockNoTwoFlagsComputeAtOnce(Mode mode) {
    RunReport report = run(mode, ROUNDS, true, dest);

    assertThat(report.results()).extracting(r -> r.work().rounds()).containsOnly(ROUNDS);
    assertThat(Intervals.overlapping(report.results(), FlagResult::work, FlagResult::cc))
        .as("flags whose computations overlap")
        .isEmpty();
    assertThat(report.gil()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Mode.class,
      names = {"SEQUENTIAL", "THREADS", "VIRTUAL", "ASYNC"})
  void eachFlagComputesAfterItsDownloadInTheSameWorker(Mode mode) {
    RunReport report = run(mode, ROUNDS, true, dest);

    for (FlagResult result : report.results()) {
      WorkDone work = result.work();
      assertThat(work.startNanos() / 1_000_000).isGreaterThanOrEqualTo(result.startMs());
      // startMs and ms are each whole ms, cut down: together up to 2 ms short of the end.
      assertThat(work.endNanos() / 1_000_000)
          .isLessThanOrEqualTo(result.startMs() + result.ms() + 2);
      assertThat(work.cpuNanos()).isPositive();
    }
    assertThat(report.cpuTime()).isPositive();
  }

  @Test
  void noWorkIsNothingRecorded() {
    RunReport report = run(Mode.THREADS, 0, false, dest);

    assertThat(report.results()).extracting(FlagResult::work).containsOnly(WorkDone.NONE);
    assertThat(report.computes()).isFalse();
    assertThat(report.cpuTime()).isZero();
  }
}
