package dev.flags.download;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The book's {@code as_completed} loop for strategies that run one task per flag on an executor (a
 * thread pool, virtual threads): submits them all, takes each result as it completes and tells the
 * listener on the calling thread.
 *
 * <p>With a deadline, it stops waiting shortly after it: calls in flight are cut at the deadline
 * and report it themselves; a flag still without a result a grace period later is reported {@code
 * deadline} and its thread abandoned. When it returns (or is interrupted) the executor is stopped.
 */
public final class CompletionLoop {
  /** How long past the deadline results are still waited for. */
  public static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private CompletionLoop() {}

  /**
   * Runs {@code task} for each code on {@code executor}; returns the results in completion order.
   */
  static List<FlagResult> downloadAll(
      ExecutorService executor,
      DownloadOne downloadOne,
      List<String> codes,
      Function<String, Callable<FlagResult>> task,
      ResultListener listener)
      throws InterruptedException {
    try {
      CompletionService<FlagResult> completed = new ExecutorCompletionService<>(executor);
      Map<Future<FlagResult>, String> pending = new HashMap<>();
      for (String cc : codes) {
        pending.put(completed.submit(task.apply(cc)), cc);
      }
      List<FlagResult> results = new ArrayList<>(codes.size());
      while (!pending.isEmpty()) {
        Future<FlagResult> done = next(completed, downloadOne);
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
      stop(executor);
    }
  }

  /** The next completed task; null once the deadline and its grace have passed. */
  private static Future<FlagResult> next(
      CompletionService<FlagResult> completed, DownloadOne downloadOne)
      throws InterruptedException {
    long left = downloadOne.nanosLeft();
    if (left == Long.MAX_VALUE) {
      return completed.take();
    }
    return completed.poll(Math.max(0, left) + GRACE_NANOS, TimeUnit.NANOSECONDS);
  }

  /**
   * Stops the executor and waits a bounded time for its threads: after an interruption the calls
   * are cancelled and end at once, and their saves must not outlive the run (temp files); a task
   * stuck past the deadline's grace is abandoned. The caller's interrupt flag is kept.
   */
  static void stop(ExecutorService executor) {
    executor.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      executor.awaitTermination(GRACE_NANOS, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
