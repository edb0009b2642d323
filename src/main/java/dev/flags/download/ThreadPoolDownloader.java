package dev.flags.download;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of platform threads: the book's {@code flags_threadpool.py}. Results are taken as
 * they complete (the book's {@code as_completed}). Pool threads are daemons, so one abandoned past
 * the deadline never keeps the JVM alive.
 */
public final class ThreadPoolDownloader implements Downloader {
  private final DownloadOne downloadOne;
  private final int threads;

  public ThreadPoolDownloader(DownloadOne downloadOne, int threads) {
    this.downloadOne = downloadOne;
    this.threads = threads;
  }

  @Override
  public void downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    int poolSize = Math.max(1, Math.min(threads, codes.size()));
    ExecutorService pool = Executors.newFixedThreadPool(poolSize, namedDaemons());
    CompletionLoop.downloadAll(pool, codes, downloadOne::download, listener);
  }

  private static ThreadFactory namedDaemons() {
    AtomicInteger next = new AtomicInteger(1);
    return task -> {
      Thread thread = new Thread(task, "pool-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
