package dev.flags.download;

import java.time.Duration;
import java.util.List;

/**
 * One concurrency strategy: the book's {@code download_many}. It only schedules: the per-flag work
 * is the same for every strategy ({@link DownloadOne}), and the run around it (clock, deadline,
 * Ctrl-C, unfinished flags, report) is the engine's ({@code engine.Engine}).
 */
public interface Downloader {

  /**
   * Downloads the flags of these codes and tells the listener of each result as it completes. A
   * failed flag is a result, never an exception. When interrupted (Ctrl-C, or the engine giving up
   * after the deadline), it stops waiting, winds its workers down and throws; the engine reports
   * the flags without a result.
   */
  void downloadMany(List<String> codes, ResultListener listener) throws InterruptedException;

  /**
   * Time spent starting workers before the first download could begin (process pool: the worker
   * JVMs' start-up); zero for strategies whose workers are threads. Valid after {@link
   * #downloadMany}.
   */
  default Duration startupTime() {
    return Duration.ZERO;
  }

  /** Each worker process's start-up, in launch order; empty for threads. After the run. */
  default List<WorkerStartup> workerStartups() {
    return List.of();
  }
}
