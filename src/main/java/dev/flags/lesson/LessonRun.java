package dev.flags.lesson;

import dev.flags.download.Mode;
import dev.flags.download.RunSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of the lesson: a mode and its concurrency, and for the CPU-bound step the rounds of work
 * per flag and whether the lock is on.
 *
 * @param mode the strategy
 * @param maxReq its concurrency (for processes, the worker JVMs)
 * @param rounds CPU work per flag (0: none)
 * @param gil whether each process has a lock its flags hold while they compute
 */
public record LessonRun(Mode mode, int maxReq, long rounds, boolean gil) {

  /** An I/O-bound run: no work, no lock. */
  static LessonRun io(Mode mode, int maxReq) {
    return new LessonRun(mode, mode.effectiveMaxReq(maxReq), 0, false);
  }

  /** A CPU-bound run: {@code rounds} of work per flag, with or without the lock. */
  static LessonRun cpu(Mode mode, int maxReq, long rounds, boolean gil) {
    return new LessonRun(mode, mode.effectiveMaxReq(maxReq), rounds, gil);
  }

  /**
   * The run's description: {@code codes} from {@code baseUrl} (the embedded server) into {@code
   * dest}.
   */
  RunSpec spec(List<String> codes, String baseUrl, Path dest) {
    return RunSpec.builder()
        .mode(mode)
        .codes(codes)
        .server("EMBEDDED", baseUrl)
        .dest(dest)
        .maxReq(maxReq)
        .workRounds(rounds)
        .gil(gil)
        .build();
  }

  /** {@code threads -m 20 --gil}: the run as a command line would say it. */
  public String label() {
    return mode.label() + (mode == Mode.SEQUENTIAL ? "" : " -m " + maxReq) + (gil ? " --gil" : "");
  }

  /** {@code threads-gil}: a file name for its pictures. */
  String slug() {
    return mode.label() + (gil ? "-gil" : "");
  }
}
