package dev.flags.download.pool;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.flags.download.FlagResult;
import dev.flags.download.RunSpec;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link Message}s to and from JSON lines, by Jackson; the same code on both sides of the pipe. */
final class Messages {
  // Ready has no field but its type, nor have some causes.
  private static final ObjectMapper JSON = mapper();

  /**
   * Results carry sealed outcomes and causes, named by their records' simple names. The run's
   * durations go as ISO-8601 text ({@code PT10S}): two small converters rather than the java.time
   * module, whose many classes a worker would load at start-up.
   */
  private static ObjectMapper mapper() {
    SimpleModule durations = new SimpleModule("durations");
    durations.addSerializer(Duration.class, ToStringSerializer.instance);
    durations.addDeserializer(
        Duration.class,
        new StdDeserializer<>(Duration.class) {
          @Override
          public Duration deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            return Duration.parse(parser.getValueAsString());
          }
        });
    ObjectMapper mapper =
        new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(durations);
    mapper.registerSubtypes(records(Outcome.class).toArray(Class<?>[]::new));
    mapper.registerSubtypes(records(Cause.class).toArray(Class<?>[]::new));
    return mapper;
  }

  /** The records of a sealed type, through its sealed subtypes ({@code Cause.Transient}). */
  static List<Class<?>> records(Class<?> sealed) {
    List<Class<?>> records = new ArrayList<>();
    for (Class<?> type : sealed.getPermittedSubclasses()) {
      if (type.isSealed()) {
        records.addAll(records(type));
      } else {
        records.add(type);
      }
    }
    return records;
  }

  private Messages() {}

  /** One line, never pretty-printed. */
  static String line(Message message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
      return Optional.ofNullable(JSON.readValue(line, type));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * Jackson's first use of a type is slow on a cold JVM. The warm-ups pay for it ahead, each for
   * what its side will do, rather than in the first result, where it would look like a slow
   * download: the worker before it says it is ready, the parent while its workers boot.
   */
  static void warmUpWorker() {
    line(new Message.Result(SAMPLE));
    toWorker(line(new Message.Settings(SAMPLE_SPEC, 0)));
    toWorker(line(new Message.Download(SAMPLE.cc())));
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
