package dev.flags.download;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The book's {@code as_completed} loop for strategies that run one task per flag on an executor (a
 * thread pool, virtual threads): submits a task for every code, takes each result as it completes
 * and tells the listener on the calling thread. When it returns or is interrupted, the executor is
 * stopped.
 */
final class CompletionLoop {
  /** How long stopping waits for the executor's threads: their calls are cut by then. */
  static final long STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

  private CompletionLoop() {}

  /** One flag's work on an executor's thread. */
  @FunctionalInterface
  interface FlagTask {
    FlagResult download(String cc) throws InterruptedException;
  }

  static void downloadAll(
      ExecutorService executor, List<String> codes, FlagTask task, ResultListener listener)
      throws InterruptedException {
    try {
      CompletionService<FlagResult> completed = new ExecutorCompletionService<>(executor);
      for (String cc : codes) {
        completed.submit(() -> task.download(cc));
      }
      for (int i = 0; i < codes.size(); i++) {
        listener.onResult(result(completed.take()));
      }
    } finally {
      stop(executor);
    }
  }

  private static FlagResult result(Future<FlagResult> done) throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      // download() turns every exception into a result: this would be a bug of the loop itself.
      throw new IllegalStateException("a download task failed", e.getCause());
    }
  }

  /**
   * Stops the executor and waits a bounded time for its threads: after an interruption the calls
   * are cancelled and end at once, and their saves must not outlive the run (temp files); a task
   * stuck past that is abandoned. The caller's interrupt flag is kept.
   */
  static void stop(ExecutorService executor) {
    executor.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      executor.awaitTermination(STOP_WAIT_NANOS, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
