package dev.flags.download.pool;

import dev.flags.download.FlagResult;
import dev.flags.download.ResultListener;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The results of one pool run, on the run's clock, each told to the listener as it comes. */
final class PoolResults {
  private final List<FlagResult> results = new ArrayList<>();
  private final ResultListener listener;
  private final long runStartNanos;

  /** From each worker's clock to the run's, in ms. */
  private final Map<String, Long> clockShifts = new HashMap<>();

  PoolResults(ResultListener listener, long runStartNanos) {
    this.listener = listener;
    this.runStartNanos = runStartNanos;
  }

  void add(FlagResult result) {
    results.add(result);
    listener.onResult(result);
  }

  int size() {
    return results.size();
  }

  List<FlagResult> all() {
    return results;
  }

  /**
   * A worker's result on this run's clock: it started when the worker said so, and took what the
   * worker measured. Attempts on workers that died on it count too.
   */
  FlagResult fromWorker(FlagResult r, WorkerState.Busy busy) {
    FlagResult counted = r.withAttempts(r.attempts() + busy.task().crashes());
    if (r.work().any()) {
      // One shift per worker, from its first result with CPU work: a worker's flags then keep
      // their exact order on this clock, so its computations can be compared (--gil).
      long shift =
          clockShifts.computeIfAbsent(
              r.worker(), worker -> sinceRunStartMs(busy.sinceNanos()) - r.startMs());
      return counted.shifted(shift);
    }
    return counted.withTime(sinceRunStartMs(busy.sinceNanos()), r.ms());
  }

  /** An ERROR for a code its worker failed; {@code attempts}: the HTTP requests it cost. */
  FlagResult failure(WorkerHandle worker, WorkerState.Busy busy, String error, int attempts) {
    return FlagResult.of(busy.task().cc(), Outcome.failed(new Cause.WorkerDied(error)))
        .withAttempts(attempts)
        .withTime(
            sinceRunStartMs(busy.sinceNanos()), (System.nanoTime() - busy.sinceNanos()) / 1_000_000)
        .withWorker(worker.name);
  }

  /** An ERROR for a code no worker could take. */
  FlagResult noWorker(String cc, String why) {
    Cause cause = new Cause.WorkerDied("no worker process could start (" + why + ")");
    return FlagResult.of(cc, Outcome.failed(cause)).withTime(sinceRunStartMs(System.nanoTime()), 0);
  }

  private long sinceRunStartMs(long nanos) {
    return (nanos - runStartNanos) / 1_000_000;
  }
}
