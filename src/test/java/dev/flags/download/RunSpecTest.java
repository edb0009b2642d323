package dev.flags.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.http.RetryRules;
import dev.flags.work.WorkRules;
import dev.flags.work.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run's description is built by name from its parts, with the command line's defaults for what is
 * not set (its JSON round trip to workers is in {@code pool.MessagesTest}).
 */
class RunSpecTest {
  private static final Workload WORK = new Workload(Duration.ofMillis(40), 1234);

  private static RunSpec everythingSet() {
    return RunSpec.builder()
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
        .update(true)
        .metadata(true)
        .work(WORK)
        .gil(true)
        .build();
  }

  @Test
  void eachSettingLandsInItsPart() {
    RunSpec spec = everythingSet();
    assertThat(spec.fetch())
        .isEqualTo(
            new Fetch(
                List.of("BR", "CN"),
                "LOCAL",
                "http://127.0.0.1:8000/flags",
                Path.of("/tmp/flags")));
    assertThat(spec.parallelism()).isEqualTo(new Parallelism(Mode.PROCESSES, 8));
    assertThat(spec.retry())
        .isEqualTo(
            new RetryRules(
                Duration.ofMillis(3500),
                4,
                Duration.ofMillis(250),
                Duration.ofSeconds(7),
                Duration.ofSeconds(30),
                123_456));
    assertThat(spec.save()).isEqualTo(new SaveRules(false, true, true));
    assertThat(spec.work()).isEqualTo(new WorkRules(WORK, true));
    assertThat(spec.concurrency()).isEqualTo(2); // at most one per code
  }

  @Test
  void aCopyChangesOnlyWhatItSets() {
    RunSpec spec = everythingSet();
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
    RunSpec changed = spec.toBuilder().retries(0).gil(false).build();
    assertThat(changed.retry()).isEqualTo(spec.retry().withRetries(0));
    assertThat(changed.work()).isEqualTo(new WorkRules(WORK, false));
    assertThat(changed).usingRecursiveComparison().ignoringFields("retry", "work").isEqualTo(spec);
  }

  @Test
  void unsetFieldsGetTheCommandLinesDefaults() {
    RunSpec spec = RunSpec.builder().baseUrl("http://x/flags").build();
    assertThat(spec.parallelism()).isEqualTo(new Parallelism(Mode.THREADS, 30));
    assertThat(spec.fetch().serverLabel()).isEqualTo(Fetch.CUSTOM);
    assertThat(spec.retry().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(spec.retry().retries()).isEqualTo(2);
    assertThat(spec.retry().backoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(spec.retry().maxBytes()).isEqualTo(10_485_760);
    assertThat(spec.retry().hasDeadline()).isFalse();
    assertThat(spec.save()).isEqualTo(SaveRules.DEFAULTS);
    assertThat(spec.work()).isEqualTo(WorkRules.NONE);
    assertThat(spec.fetch().dest()).isEqualTo(Path.of("downloads").toAbsolutePath());
  }

  @Test
  void sequentialIsOneAtATimeWhateverIsAsked() {
    assertThat(new Parallelism(Mode.SEQUENTIAL, 50).maxReq()).isEqualTo(1);
    assertThat(Parallelism.of(Mode.THREADS, null, true).maxReq())
        .isEqualTo(Parallelism.POLITE_MAX_REQ);
    assertThat(Parallelism.of(Mode.THREADS, 50, true).maxReq()).isEqualTo(50);
  }
}
