package dev.flags.lesson;

import dev.flags.download.Mode;
import dev.flags.download.Parallelism;
import dev.flags.download.RunSpec;
import dev.flags.download.SaveRules;
import dev.flags.engine.Launch;
import dev.flags.http.RetryRules;
import dev.flags.work.WorkRules;
import dev.flags.work.Workload;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of the lesson: a mode and its concurrency, and for the CPU-bound step the rounds of work
 * per flag and whether the lock is on.
 *
 * @param mode the strategy
 * @param maxReq its concurrency (for processes, the worker JVMs)
 * @param workload CPU work per flag ({@link Workload#NONE}: none)
 * @param gil whether each process has a lock its flags hold while they compute
 */
public record LessonRun(Mode mode, int maxReq, Workload workload, boolean gil) {

  /** An I/O-bound run: no work, no lock. */
  static LessonRun io(Mode mode, int maxReq) {
    return new LessonRun(mode, new Parallelism(mode, maxReq).maxReq(), Workload.NONE, false);
  }

  /** A CPU-bound run: {@code workload} per flag, with or without the lock. */
  static LessonRun cpu(Mode mode, int maxReq, Workload workload, boolean gil) {
    return new LessonRun(mode, new Parallelism(mode, maxReq).maxReq(), workload, gil);
  }

  /**
   * The run's description: {@code codes} from {@code server} (an embedded one) into {@code dest}.
   */
  RunSpec spec(Launch server, List<String> codes, Path dest) {
    WorkRules work = new WorkRules(workload, gil);
    return server.spec(
        codes, dest, new Parallelism(mode, maxReq), RetryRules.DEFAULTS, SaveRules.DEFAULTS, work);
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
