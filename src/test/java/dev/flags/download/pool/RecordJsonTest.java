package dev.flags.download.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flags.download.FlagResult;
import dev.flags.download.Mode;
import dev.flags.download.RunSpec;
import dev.flags.http.RetryRules;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import dev.flags.tls.TrustSettings;
import dev.flags.work.WorkDone;
import dev.flags.work.Workload;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a worker and its parent say, record by record: every field, every sealed case. */
class RecordJsonTest {

  @Test
  void aRunWithEverySettingSetIsReadBackWhole() throws IOException {
    RunSpec spec =
        RunSpec.builder()
            .mode(Mode.PROCESSES)
            .codes(List.of("BR", "CI"))
            .server("EMBEDDED", "https://127.0.0.1:8443/flags")
            .dest(Path.of("/tmp/flags dir/é"))
            .maxReq(3)
            .retry(
                RetryRules.DEFAULTS.withHeaders(
                    List.of(new RetryRules.Header("Authorization", "Bearer \"t\\o\nk\""))))
            .timeout(Duration.ofMillis(2500))
            .retries(5)
            .backoffSeconds(0.25)
            .maxRetryWaitSeconds(7)
            .deadlineSeconds(12.5)
            .maxBytes(4096)
            .update(true)
            .metadata(true)
            .work(new Workload(Duration.ofMillis(50), 136_000))
            .gil(true)
            .trust(new TrustSettings(List.of("/etc/ca.pem", "ca 2.pem"), true))
            .build();

    String line = RecordJson.write(spec, RunSpec.class);

    assertThat(line).doesNotContain("\n");
    assertThat(RecordJson.read(line, RunSpec.class)).isEqualTo(spec);
  }

  @Test
  void everyOutcomeAndEveryCauseTravelsUnderItsOwnName() throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (Class<?> type : Outcome.class.getPermittedSubclasses()) {
      if (type != Outcome.Failed.class) {
        outcomes.add((Outcome) sample(type));
      }
    }
    List<Class<?>> causes = causes(Cause.class);
    assertThat(causes).hasSizeGreaterThan(20);
    for (Class<?> type : causes) {
      outcomes.add(Outcome.failed((Cause) sample(type)));
    }

    for (Outcome outcome : outcomes) {
      FlagResult result =
          FlagResult.of("BR", outcome)
              .withAttempts(2)
              .withTime(13, 40)
              .withWorker("pid-42")
              .withWork(new WorkDone(9, "ab12", 1, 2, 3, 4));
      String line = RecordJson.write(new Message.Result(result), Message.ToParent.class);

      assertThat(line).startsWith("{\"type\":\"result\"");
      assertThat(RecordJson.read(line, Message.ToParent.class))
          .isEqualTo(new Message.Result(result));
    }
    assertThat(
            RecordJson.write(
                new Message.Result(FlagResult.of("JP", Outcome.failed(new Cause.Timeout(3.5)))),
                Message.ToParent.class))
        .contains(
            "\"outcome\":{\"type\":\"failed\",\"cause\":{\"type\":\"timeout\",\"seconds\":3.5}}");
  }

  @Test
  void aFieldTheReaderDoesNotKnowIsSkippedAndOneTheLineLacksIsEmpty() throws IOException {
    String line =
        "{\"type\":\"claim\",\"extra\":{\"deep\":[1,{\"x\":null}]},\"cc\":\"BR\",\"more\":[]}";

    assertThat(RecordJson.read(line, Message.ToParent.class))
        .isEqualTo(new Message.Claim("BR", null));
    assertThat(RecordJson.read("{\"type\":\"claimed\"}", Message.ToWorker.class))
        .isEqualTo(new Message.Claimed(false));
  }

  @Test
  void aLineThatHoldsNoSuchValueIsAnError() {
    assertThatThrownBy(() -> RecordJson.read("{\"cc\":\"BR\"}", Message.ToWorker.class))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("type");
    assertThatThrownBy(() -> RecordJson.read("{\"type\":\"ready\"}", Message.ToWorker.class))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ready");
    assertThatThrownBy(() -> RecordJson.read("{\"type\":\"download\",\"cc\":7}", Message.class))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> RecordJson.read("[", Message.ToWorker.class))
        .isInstanceOf(IOException.class);
  }

  /** The records of a sealed type, through its sealed subtypes. */
  private static List<Class<?>> causes(Class<?> sealed) {
    List<Class<?>> records = new ArrayList<>();
    for (Class<?> type : sealed.getPermittedSubclasses()) {
      records.addAll(type.isSealed() ? causes(type) : List.of(type));
    }
    return records;
  }

  /** A record of {@code type} with a value in every component, so that none may go missing. */
  private static Object sample(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = sampleValue(types[i], i);
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("cannot make a " + type, e);
    }
  }

  private static Object sampleValue(Class<?> type, int index) {
    if (type == String.class) {
      return "text " + index;
    } else if (type == int.class) {
      return 400 + index;
    } else if (type == long.class) {
      return 1_000L + index;
    } else if (type == double.class) {
      return 1.5 + index;
    } else if (type == boolean.class) {
      return true;
    }
    throw new AssertionError("no sample for " + type);
  }
}
