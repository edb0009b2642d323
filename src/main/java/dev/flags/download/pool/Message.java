package dev.flags.download.pool;

import dev.flags.download.FlagResult;
import dev.flags.download.RunSpec;

/**
 * What a process-pool parent and its workers say to each other: one JSON object per line, its kind
 * in {@code "type"}. Each direction is a sealed type of its own, so each side's {@code switch} on
 * what it heard is exhaustive.
 *
 * <ol>
 *   <li>parent to worker: {@link Settings}, once;
 *   <li>worker to parent: {@link Ready} once it can download;
 *   <li>parent to worker: {@link Download} one code at a time, only when the worker is free;
 *   <li>worker to parent: {@link Started} as it begins, then that code's {@link Result} (the first
 *       tells a worker that died on a code from one that died before it got the code);
 *   <li>in between, with {@code --metadata}: worker to parent {@link Claim}, parent to worker
 *       {@link Claimed}: file names are reserved by the parent, so that two flags of the run never
 *       share a file, whichever workers save them;
 *   <li>the parent closes the worker's stdin: the worker exits.
 * </ol>
 *
 * <p>The run's description and results go over whole, record by record ({@link RecordJson}), so a
 * field added to either reaches the other side without a change here (a result's outcome and cause
 * are sealed types, named by their records' names).
 */
public sealed interface Message {

  /** From the parent to a worker. */
  sealed interface ToWorker extends Message {}

  /** From a worker to its parent. */
  sealed interface ToParent extends Message {}

  /**
   * The run; the worker opens its own HTTP client from it. The deadline is wall-clock ms since the
   * epoch (0: none), which means the same in every process.
   */
  record Settings(RunSpec spec, long deadlineEpochMillis) implements ToWorker {}

  /** Download this code, then say {@link Started} and {@link Result}. */
  record Download(String cc) implements ToWorker {}

  /** The answer to a {@link Claim}: whether the file name is this flag's. */
  record Claimed(boolean granted) implements ToWorker {}

  /** The worker can take codes. */
  record Ready() implements ToParent {}

  /** The worker has begun on the code it was given. */
  record Started(String cc) implements ToParent {}

  /** A request to reserve {@code fileName} for {@code cc}, the code the worker is on. */
  record Claim(String cc, String fileName) implements ToParent {}

  /** How the code the worker was on ended. */
  record Result(FlagResult result) implements ToParent {}
}
