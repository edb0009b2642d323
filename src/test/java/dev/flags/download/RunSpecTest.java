package dev.flags.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worker processes get the run's description, and send their results, as JSON: both round-trip. */
class RunSpecTest {

  @Test
  void theDescriptionRoundTripsThroughTheWorkersFirstLine() throws Exception {
    RunSpec spec =
        RunSpec.builder()
            .mode(Mode.PROCESSES)
            .codes(List.of("BR", "CN"))
            .server("LOCAL", "http://127.0.0.1:8000/flags")
            .dest(Path.of("/tmp/flags"))
            .maxReq(8)
            .timeoutSeconds(3.5)
            .retries(4)
            .backoffSeconds(0.25)
            .maxRetryWaitSeconds(7)
            .deadlineSeconds(30)
            .maxBytes(123_456)
            .skipExisting(true)
            .metadata(true)
            .build();
    WorkerProtocol.Setup setup =
        WorkerProtocol.settings(WorkerProtocol.settingsLine(spec, 1_900_000_000_000L));
    assertThat(setup.spec()).isEqualTo(spec);
    assertThat(setup.deadlineEpochMillis()).isEqualTo(1_900_000_000_000L);
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
  }

  @Test
  void unsetFieldsGetTheCommandLinesDefaults() {
    RunSpec spec = RunSpec.builder().baseUrl("http://x/flags").build();
    assertThat(spec.mode()).isEqualTo(Mode.THREADS);
    assertThat(spec.maxReq()).isEqualTo(Mode.THREADS.defaultMaxReq());
    assertThat(spec.timeoutSeconds()).isEqualTo(10);
    assertThat(spec.retries()).isEqualTo(2);
    assertThat(spec.backoffSeconds()).isEqualTo(0.2);
    assertThat(spec.maxBytes()).isEqualTo(10_485_760);
    assertThat(spec.hasDeadline()).isFalse();
    assertThat(spec.dest()).isEqualTo(Path.of("downloads"));
  }

  @Test
  void everyKindOfResultRoundTripsThroughAResultLine() throws Exception {
    List<FlagResult> results =
        List.of(
            FlagResult.of("BR", Outcome.saved(1234, "Brazil.gif"))
                .withAttempts(2)
                .withTime(5, 40)
                .withWorker("pid-1"),
            FlagResult.of("BR", Outcome.alreadySaved("br.gif")),
            FlagResult.of("BR", Outcome.notFound("http://x/flags/br/br.gif")),
            FlagResult.of("BR", Outcome.failed(new Cause.Timeout(3.1))).withAttempts(3),
            FlagResult.of("BR", Outcome.failed(new Cause.Reset())),
            FlagResult.of("BR", Outcome.failed(new Cause.HttpStatus(503, "HTTP 503 Nope"))),
            FlagResult.of("BR", Outcome.failed(new Cause.Internal("java.lang.Oops: x"))));
    for (FlagResult result : results) {
      assertThat(WorkerProtocol.result(WorkerProtocol.resultLine(result), "BR")).isEqualTo(result);
    }
  }
}
