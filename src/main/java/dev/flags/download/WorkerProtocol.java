package dev.flags.download;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The lines a process-pool parent and its workers exchange, one message per line (JSON lines):
 *
 * <ol>
 *   <li>parent to worker: the run's {@link RunSpec} and deadline as JSON ({@link Setup}), once;
 *   <li>worker to parent: {@value #READY} once it can download;
 *   <li>parent to worker: a country code, one at a time, only when the worker is free;
 *   <li>worker to parent: {@code started CC} as it begins, then that code's {@link FlagResult} as
 *       JSON (the first line tells a worker that died on a code from one that died before it got
 *       the code);
 *   <li>in between, with {@code --metadata}: worker to parent {@code claim CC NAME}, parent to
 *       worker {@code claimed yes} or {@code claimed no}: file names are reserved by the parent, so
 *       that two flags of the run never share a file, whichever workers save them;
 *   <li>parent closes the worker's stdin: the worker exits.
 * </ol>
 *
 * <p>Both records go over whole, by Jackson, so a field added to either reaches the other side
 * without a change here.
 */
final class WorkerProtocol {
  static final String READY = "ready";
  private static final String STARTED = "started ";
  private static final String CLAIM = "claim ";
  private static final String CLAIMED = "claimed yes";
  private static final String NOT_CLAIMED = "claimed no";

  private static final ObjectMapper JSON = mapper();

  /** Results carry sealed outcomes and causes, named by their records' simple names. */
  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerSubtypes(Outcome.class.getPermittedSubclasses());
    mapper.registerSubtypes(Cause.class.getPermittedSubclasses());
    return mapper;
  }

  private WorkerProtocol() {}

  /**
   * What a worker needs to know of the run: its description, and its deadline as wall-clock ms
   * since the epoch (0: none), which means the same in every process.
   */
  record Setup(RunSpec spec, long deadlineEpochMillis) {}

  static String settingsLine(RunSpec spec, long deadlineEpochMillis) {
    return write(new Setup(spec, deadlineEpochMillis));
  }

  static Setup settings(String line) throws JsonProcessingException {
    return JSON.readValue(line, Setup.class);
  }

  static String startedLine(String cc) {
    return STARTED + cc;
  }

  /** A worker's request to reserve a file name for the code it is on. */
  record Claim(String cc, String fileName) {}

  static String claimLine(String cc, String fileName) {
    return CLAIM + cc + " " + fileName;
  }

  /** The claim in {@code line}, if it is one. */
  static Optional<Claim> claim(String line) {
    if (!line.startsWith(CLAIM)) {
      return Optional.empty();
    }
    String rest = line.substring(CLAIM.length());
    int space = rest.indexOf(' ');
    return space <= 0
        ? Optional.empty()
        : Optional.of(new Claim(rest.substring(0, space), rest.substring(space + 1)));
  }

  static String claimReply(boolean granted) {
    return granted ? CLAIMED : NOT_CLAIMED;
  }

  static boolean isClaimReply(String line) {
    return line.equals(CLAIMED) || line.equals(NOT_CLAIMED);
  }

  static boolean granted(String reply) {
    return reply.equals(CLAIMED);
  }

  static String resultLine(FlagResult result) {
    return write(result);
  }

  /** The result in {@code line}; an exception unless it is a well-formed result for {@code cc}. */
  static FlagResult result(String line, String cc) throws IOException {
    FlagResult result = JSON.readValue(line, FlagResult.class);
    if (!cc.equals(result.cc()) || result.outcome() == null) {
      throw new IOException("not a result for " + cc);
    }
    return result;
  }

  /**
   * Jackson's first use of a type costs a few hundred ms on a cold JVM. The warm-ups pay it ahead
   * (the worker before it says it is ready, the parent while its workers boot) rather than in the
   * first result, where it would look like a slow download.
   */
  private static final FlagResult SAMPLE = FlagResult.of("BR", Outcome.saved(1, "br.gif"));

  /** The worker's side: writing results. */
  static void warmUpWriter() {
    resultLine(SAMPLE);
  }

  /** The parent's side: reading results. */
  static void warmUpReader() {
    try {
      result(resultLine(SAMPLE), SAMPLE.cc());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read our own result line", e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value); // never pretty-printed: one line
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
