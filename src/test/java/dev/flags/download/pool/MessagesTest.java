package dev.flags.download.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.FlagResult;
import dev.flags.download.Mode;
import dev.flags.download.RunSpec;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool's messages: one JSON line each, read back whole by the side they are for. */
class MessagesTest {
  private static final FlagResult RESULT =
      FlagResult.of("BR", Outcome.saved(2464, "Brazil.gif"))
          .withAttempts(2)
          .withTime(13, 40)
          .withWorker("pid-4242");

  @Test
  void everyMessageToAWorkerIsOneTypedJsonLineReadBackWhole() {
    RunSpec spec =
        RunSpec.builder()
            .mode(Mode.PROCESSES)
            .codes(List.of("BR", "CN"))
            .baseUrl("http://127.0.0.1:8000/flags")
            .dest(Path.of("downloads"))
            .maxReq(4)
            .timeoutSeconds(3)
            .retries(1)
            .backoffSeconds(0.5)
            .maxRetryWaitSeconds(5)
            .deadlineSeconds(30)
            .maxBytes(1024)
            .skipExisting(true)
            .metadata(true)
            .build();
    List<Message.ToWorker> sent =
        List.of(
            new Message.Settings(spec, 1_900_000_000_000L),
            new Message.Download("BR"),
            new Message.Claimed(true),
            new Message.Claimed(false));

    for (Message.ToWorker message : sent) {
      String line = Messages.line(message);
      assertThat(line).doesNotContain("\n").startsWith("{\"type\":");
      assertThat(Messages.toWorker(line)).contains(message);
    }
  }

  @Test
  void everyMessageToTheParentIsOneTypedJsonLineReadBackWhole() {
    List<Message.ToParent> sent =
        List.of(
            new Message.Ready(),
            new Message.Started("BR"),
            new Message.Claim("BR", "Brazil.gif"),
            new Message.Result(RESULT),
            new Message.Result(
                FlagResult.of("CN", Outcome.failed(new Cause.Timeout(3.1))).withAttempts(3)),
            new Message.Result(FlagResult.of("JP", Outcome.failed(new Cause.Reset()))));

    for (Message.ToParent message : sent) {
      String line = Messages.line(message);
      assertThat(line).doesNotContain("\n").startsWith("{\"type\":");
      assertThat(Messages.toParent(line)).contains(message);
    }
    assertThat(Messages.line(new Message.Download("BR")))
        .isEqualTo("{\"type\":\"download\",\"cc\":\"BR\"}");
  }

  @Test
  void aLineThatIsNoMessageForThatSideIsNone() {
    assertThat(Messages.toParent("garbage instead of BR")).isEmpty();
    assertThat(Messages.toParent("")).isEmpty();
    assertThat(Messages.toParent("{\"type\":\"nonsense\"}")).isEmpty();
    // a message the other side sends is not one this side reads
    assertThat(Messages.toParent(Messages.line(new Message.Download("BR")))).isEmpty();
    assertThat(Messages.toWorker(Messages.line(new Message.Ready()))).isEmpty();
  }

  @Test
  void aLogShowsALineMaskedAndCut() {
    assertThat(Messages.shown("a\u001b[2Jb")).isEqualTo("'a?[2Jb'");
    assertThat(Messages.shown("x".repeat(80))).isEqualTo("'" + "x".repeat(60) + "...'");
  }
}
