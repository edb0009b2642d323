package dev.flags.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run's description is built by name, with the command line's defaults for what is not set (its
 * JSON round trip to workers is in {@code pool.MessagesTest}).
 */
class RunSpecTest {

  @Test
  void aDescriptionIsBuiltByNameAndCopiedWhole() {
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
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
    assertThat(spec.toBuilder().retries(0).build())
        .isEqualTo(spec.toBuilder().retries(0).build())
        .isNotEqualTo(spec);
    assertThat(spec.concurrency()).isEqualTo(2); // at most one per code
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
    assertThat(spec.dest()).isEqualTo(Path.of("downloads").toAbsolutePath());
  }
}
