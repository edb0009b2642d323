package dev.flags.download;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * The book's {@code as_completed} loop for strategies that submit one task per flag to an executor:
 * takes each result as it completes, tells the listener on the calling thread, and stops the pool
 * if the caller is interrupted.
 */
final class CompletionLoop {
  private CompletionLoop() {}

  /** Takes {@code count} results from {@code completed}, in completion order. */
  static List<FlagResult> takeAll(
      CompletionService<FlagResult> completed,
      int count,
      ResultListener listener,
      ExecutorService pool)
      throws InterruptedException {
    List<FlagResult> results = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        FlagResult result = completed.take().get();
        results.add(result);
        listener.onResult(result);
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      throw e;
    } catch (ExecutionException e) {
      // DownloadOne turns every failure into a result; reaching here is a bug, not a bad flag.
      pool.shutdownNow();
      throw new IllegalStateException("download task failed", e.getCause());
    }
    return results;
  }
}
