package dev.flags.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.download.FlagResult;
import dev.flags.download.Mode;
import dev.flags.download.RunSpecBuilder;
import dev.flags.report.RunReport;
import dev.flags.testing.FlagStubs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine owns the run: every code gets exactly one result, whatever stops the run, and only
 * flags that ended by themselves are progress, so a bar stops where the run stopped.
 */
class EngineTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  private static final List<String> SLOW = List.of("CN", "IN", "JP");
  private static final List<String> CODES = List.of("BR", "CN", "IN", "JP");

  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private final List<FlagResult> progress = new ArrayList<>();
  private final List<FlagResult> results = new ArrayList<>();

  private RunSpecBuilder slowRun(Mode mode, int slowMs) {
    stubs.ok("BR");
    SLOW.forEach(cc -> stubs.stub(cc, FlagStubs.okGif(cc).withFixedDelay(slowMs)));
    return FlagStubs.spec(stubs.baseUrl(), dest).mode(mode).codes(CODES);
  }

  /** Hears progress and results; {@code onFirst} runs when the first result arrives. */
  private RunListener listener(Runnable onFirst) {
    return new RunListener() {
      @Override
      public void onProgress(FlagResult result) {
        progress.add(result);
      }

      @Override
      public void onResult(FlagResult result) {
        results.add(result);
        if (results.size() == 1) {
          onFirst.run();
        }
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void anInterruptedRunsProgressStopsWhereTheRunStopped(Mode mode) {
    Engine engine = Engine.of(slowRun(mode, 30_000).build());
    RunReport report = engine.run(listener(engine::cancel)); // Ctrl-C once BR is in

    assertThat(progress).extracting(FlagResult::cc).containsExactly("BR");
    assertThat(results).extracting(FlagResult::cc).containsExactlyInAnyOrderElementsOf(CODES);
    assertThat(report.results()).containsExactlyElementsOf(results);
    assertThat(report.ok()).isEqualTo(1);
    assertThat(results)
        .filteredOn(r -> SLOW.contains(r.cc()))
        .extracting(FlagResult::error)
        .containsOnly("interrupted");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void aRunPastItsDeadlineReportsEveryFlagAndCountsNoneAsProgress(Mode mode) {
    RunReport report =
        Engine.run(
            slowRun(mode, 5_000).deadlineSeconds(0.5).timeoutSeconds(10).build(),
            listener(() -> {}));

    assertThat(report.results()).hasSize(CODES.size());
    assertThat(results)
        .filteredOn(r -> SLOW.contains(r.cc()))
        .extracting(FlagResult::error)
        .containsOnly("deadline");
    assertThat(progress).extracting(FlagResult::cc).doesNotContainAnyElementsOf(SLOW);
  }

  @Test
  void aCancelBeforeTheRunStopsItBeforeAnyRequest() {
    Engine engine = Engine.of(slowRun(Mode.THREADS, 30_000).build());
    engine.cancel();
    RunReport report = engine.run(listener(() -> {}));
    assertThat(report.results()).extracting(FlagResult::error).containsOnly("interrupted");
    assertThat(progress).isEmpty();
    assertThat(CODES.stream().mapToInt(stubs::requestsFor).sum()).isZero();
  }
}
