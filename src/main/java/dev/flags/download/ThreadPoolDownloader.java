package dev.flags.download;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of platform threads: the book's {@code flags_threadpool.py}. Results are taken as
 * they complete (the book's {@code as_completed}), not in submission order.
 */
public final class ThreadPoolDownloader implements Downloader {
  private final DownloadOne downloadOne;
  private final int threads;

  public ThreadPoolDownloader(DownloadOne downloadOne, int threads) {
    this.downloadOne = downloadOne;
    this.threads = threads;
  }

  @Override
  public List<FlagResult> downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    int poolSize = Math.max(1, Math.min(threads, codes.size()));
    try (ExecutorService pool = Executors.newFixedThreadPool(poolSize, namedThreads())) {
      CompletionService<FlagResult> completed = new ExecutorCompletionService<>(pool);
      for (String cc : codes) {
        completed.submit(() -> downloadOne.download(cc));
      }
      return CompletionLoop.takeAll(completed, codes.size(), listener, pool);
    }
  }

  private static ThreadFactory namedThreads() {
    AtomicInteger next = new AtomicInteger(1);
    return task -> {
      Thread thread = new Thread(task, "pool-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
