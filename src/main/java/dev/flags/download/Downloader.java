package dev.flags.download;

import java.time.Duration;
import java.util.List;

/**
 * One concurrency strategy: the book's {@code download_many}. The per-flag work is the same for
 * every strategy ({@link DownloadOne}); a strategy only decides how that work is scheduled.
 */
public interface Downloader {

  /**
   * Downloads the flags of these codes, tells the listener of each result as it completes, and
   * returns all results in completion order. A failed flag is a result, never an exception.
   */
  List<FlagResult> downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException;

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
