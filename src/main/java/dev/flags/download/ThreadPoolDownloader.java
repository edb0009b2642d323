package dev.flags.download;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of platform threads: the book's {@code flags_threadpool.py}. Results are taken as
 * they complete (the book's {@code as_completed}), not in submission order.
 *
 * <p>With a deadline, it stops waiting shortly after it: calls in flight are cut at the deadline
 * and report it themselves; a flag still without a result a grace period later is reported {@code
 * deadline} and its thread abandoned (pool threads are daemons).
 */
public final class ThreadPoolDownloader implements Downloader {
  /** How long past the deadline results are still waited for. */
  static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

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
    ExecutorService pool = Executors.newFixedThreadPool(poolSize, namedThreads());
    try {
      CompletionService<FlagResult> completed = new ExecutorCompletionService<>(pool);
      Map<Future<FlagResult>, String> pending = new HashMap<>();
      for (String cc : codes) {
        pending.put(completed.submit(() -> downloadOne.download(cc)), cc);
      }
      List<FlagResult> results = new ArrayList<>(codes.size());
      while (!pending.isEmpty()) {
        Future<FlagResult> done = next(completed);
        if (done == null) {
          break; // past the deadline and its grace: stop waiting
        }
        pending.remove(done);
        FlagResult result = done.get();
        results.add(result);
        listener.onResult(result);
      }
      for (String cc : pending.values()) {
        FlagResult result = downloadOne.unfinished(cc);
        results.add(result);
        listener.onResult(result);
      }
      return results;
    } catch (ExecutionException e) {
      // DownloadOne turns every failure into a result; reaching here is a bug, not a bad flag.
      throw new IllegalStateException("download task failed", e.getCause());
    } finally {
      stop(pool);
    }
  }

  /**
   * Stops the pool and waits a bounded time for its threads: after an interruption the calls are
   * cancelled and end at once, and their saves must not outlive the run (temp files); a task stuck
   * past the deadline's grace is abandoned. The caller's interrupt flag is kept.
   */
  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      pool.awaitTermination(GRACE_NANOS, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next completed task; null once the deadline and its grace have passed. */
  private Future<FlagResult> next(CompletionService<FlagResult> completed)
      throws InterruptedException {
    long left = downloadOne.nanosLeft();
    if (left == Long.MAX_VALUE) {
      return completed.take();
    }
    return completed.poll(Math.max(0, left) + GRACE_NANOS, TimeUnit.NANOSECONDS);
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
