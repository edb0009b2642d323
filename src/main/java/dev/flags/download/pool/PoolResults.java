package dev.flags.download.pool;

import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import dev.flags.download.ResultListener;
import java.util.ArrayList;
import java.util.List;

/** The results of one pool run, on the run's clock, each told to the listener as it comes. */
final class PoolResults {
  private final List<FlagResult> results = new ArrayList<>();
  private final ResultListener listener;
  private final long runStartNanos;

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
    return new FlagResult(
        r.cc(),
        r.status(),
        r.bytes(),
        r.attempts() + busy.task().crashes(),
        sinceRunStartMs(busy.sinceNanos()),
        r.ms(),
        r.worker(),
        r.error(),
        r.file(),
        r.skipped());
  }

  /** An ERROR for a code its worker failed; {@code attempts}: the HTTP requests it cost. */
  FlagResult failure(WorkerHandle worker, WorkerState.Busy busy, String error, int attempts) {
    return new FlagResult(
        busy.task().cc(),
        FlagStatus.ERROR,
        0,
        attempts,
        sinceRunStartMs(busy.sinceNanos()),
        (System.nanoTime() - busy.sinceNanos()) / 1_000_000,
        worker.name,
        error);
  }

  /** An ERROR for a code no worker could take. */
  FlagResult noWorker(String cc, String why) {
    return new FlagResult(
        cc,
        FlagStatus.ERROR,
        0,
        0,
        sinceRunStartMs(System.nanoTime()),
        0,
        "-",
        "no worker process could start (" + why + ")");
  }

  private long sinceRunStartMs(long nanos) {
    return (nanos - runStartNanos) / 1_000_000;
  }
}
