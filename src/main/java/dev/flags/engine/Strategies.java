package dev.flags.engine;

import dev.flags.download.AsyncDownloader;
import dev.flags.download.DownloadOne;
import dev.flags.download.Downloader;
import dev.flags.download.RunSpec;
import dev.flags.download.SequentialDownloader;
import dev.flags.download.ThreadPoolDownloader;
import dev.flags.download.VirtualThreadDownloader;
import dev.flags.download.pool.ProcessPoolDownloader;

/**
 * The strategy for each {@link dev.flags.download.Mode}, at the run's concurrency: the one place
 * that knows them all, so that {@code Mode} stays a plain value and the strategies' packages do not
 * depend on each other.
 */
final class Strategies {
  private Strategies() {}

  /**
   * Thread-based strategies run {@code downloadOne} in this JVM; the process pool gets only the
   * run's clock, deadline and file names from it, and hands {@code spec} to its workers, which open
   * their own.
   */
  static Downloader create(RunSpec spec, DownloadOne downloadOne) {
    int concurrency = spec.parallelism().size(spec.codes().size());
    return switch (spec.mode()) {
      case SEQUENTIAL -> new SequentialDownloader(downloadOne);
      case THREADS -> new ThreadPoolDownloader(downloadOne, concurrency);
      case PROCESSES -> new ProcessPoolDownloader(downloadOne, spec);
      case VIRTUAL -> new VirtualThreadDownloader(downloadOne, concurrency);
      case ASYNC -> new AsyncDownloader(downloadOne, concurrency);
    };
  }
}
