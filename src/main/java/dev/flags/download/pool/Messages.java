package dev.flags.download.pool;

import dev.flags.download.FlagResult;
import dev.flags.download.RunSpec;
import dev.flags.outcome.Outcome;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@link Message}s to and from JSON lines ({@link RecordJson}); the same code on both sides of the
 * pipe.
 */
final class Messages {
  private Messages() {}

  /** One line, never pretty-printed. */
  static String line(Message message) {
    return RecordJson.write(
        (Record) message,
        message instanceof Message.ToWorker ? Message.ToWorker.class : Message.ToParent.class);
  }

  /** What a worker said; empty if the line is no message a worker sends. */
  static Optional<Message.ToParent> toParent(String line) {
    return read(line, Message.ToParent.class);
  }

  /** What the parent said; empty if the line is no message a parent sends. */
  static Optional<Message.ToWorker> toWorker(String line) {
    return read(line, Message.ToWorker.class);
  }

  private static <T> Optional<T> read(String line, Class<T> type) {
    try {
      return Optional.of(RecordJson.read(line, type));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * A message's first use loads and links its classes on a cold JVM. The warm-ups pay for it ahead,
   * each for what its side will do, rather than in the first result, where it would look like a
   * slow download: the worker before it says it is ready, the parent while its workers boot.
   */
  static void warmUpWorker() {
    line(new Message.Result(SAMPLE)); // what it reads, the settings have just warmed up
  }

  /** The parent's side of {@link #warmUpWorker}. */
  static void warmUpParent() {
    line(new Message.Settings(SAMPLE_SPEC, 0));
    if (toParent(line(new Message.Result(SAMPLE))).isEmpty()) {
      throw new IllegalStateException("cannot read our own result line");
    }
  }

  private static final FlagResult SAMPLE = FlagResult.of("BR", Outcome.saved(1, "br.gif"));

  private static final RunSpec SAMPLE_SPEC =
      RunSpec.builder().codes(List.of(SAMPLE.cc())).baseUrl("http://127.0.0.1/flags").build();

  /** A line as a log or an error message shows it: control characters masked, 60 at most. */
  static String shown(String line) {
    String oneLine = line.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 60 ? "'" + oneLine.substring(0, 60) + "...'" : "'" + oneLine + "'";
  }
}
