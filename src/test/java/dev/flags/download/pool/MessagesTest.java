package dev.flags.download.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.DownloadSettings;
import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool's messages: one JSON line each, read back whole by the side they are for. */
class MessagesTest {
  private static final FlagResult RESULT =
      new FlagResult("BR", FlagStatus.OK, 2464, 2, 13, 40, "pid-4242", null, "Brazil.gif", false);

  @Test
  void everyMessageToAWorkerIsOneTypedJsonLineReadBackWhole() {
    DownloadSettings settings =
        new DownloadSettings(
            "http://127.0.0.1:8000/flags",
            "downloads",
            4,
            3,
            1,
            0.5,
            5,
            42,
            1024,
            true,
            false,
            true);
    List<Message.ToWorker> sent =
        List.of(
            new Message.Settings(settings),
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
            new Message.Result(RESULT));

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
