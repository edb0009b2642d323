package dev.flags.engine;

import dev.flags.download.DownloadOne;
import dev.flags.download.Downloader;
import dev.flags.download.FlagResult;
import dev.flags.download.RunSpec;
import dev.flags.download.StartupReporting;
import dev.flags.download.WorkerStartup;
import dev.flags.http.RunGuard;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Connections;
import dev.flags.report.RunReport;
import dev.flags.store.FlagStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link RunSpec}: the one place that owns a run's clock, its deadline and the grace after
 * it, cancellation (Ctrl-C), the results of flags left unfinished, and the report. {@code flags},
 * {@code flags bench}, the AOT training run and the tests all run downloads through it; the
 * strategies ({@link Downloader}) only schedule the per-flag work ({@link DownloadOne}).
 *
 * <p>The clock starts before the HTTP client is built and stops at the last result, as in the book.
 * Calls in flight are cut at the deadline by the client and report it themselves; a strategy still
 * waiting {@link #GRACE} later is interrupted, and every flag without a result then is reported
 * {@code deadline}. {@link #cancel} (Ctrl-C) stops new requests, cuts the calls in flight and
 * interrupts the strategy; flags without a result are reported {@code interrupted}.
 */
public final class Engine {
  /** How long past the deadline results are still waited for. */
  public static final Duration GRACE = Duration.ofSeconds(2);

  private final RunSpec spec;
  private final FlagStore store;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private volatile DownloadOne current;
  private volatile Thread runner;

  private Engine(RunSpec spec, FlagStore store) {
    this.spec = spec;
    this.store = store;
  }

  /** An engine for one run of {@code spec}, saving into its destination. */
  public static Engine of(RunSpec spec) {
    return new Engine(spec, new FlagStore(spec.fetch().dest()));
  }

  /** An engine for one run of {@code spec}, saving into {@code store}. */
  public static Engine of(RunSpec spec, FlagStore store) {
    return new Engine(spec, store);
  }

  /** Runs {@code spec} and returns its report. */
  public static RunReport run(RunSpec spec, RunListener listener) {
    return of(spec).run(listener);
  }

  /**
   * Stops the run (Ctrl-C): no flag starts a request any more, calls in flight and retry waits are
   * cancelled, and the strategy stops waiting. Safe from any thread (a signal handler), idempotent.
   */
  public void cancel() {
    cancelled.countDown();
    DownloadOne downloadOne = current;
    if (downloadOne != null) {
      downloadOne.cancel();
    }
    Thread thread = runner;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Removes the temp files of saves in progress, e.g. before the JVM halts; never throws. */
  public void removeTempFiles() {
    store.removeTempFiles();
  }

  /** Runs the downloads, telling {@code listener} of each flag; every code gets a result. */
  public RunReport run(RunListener listener) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    RunGuard guard =
        spec.retry().hasDeadline()
            ? RunGuard.until(start + spec.retry().deadline().toNanos())
            : RunGuard.unlimited();
    List<FlagResult> results = new ArrayList<>(spec.codes().size());
    Set<String> done = new HashSet<>();
    Duration startup;
    List<WorkerStartup> workerStartups;
    Connections connections;
    try (DownloadOne downloadOne = DownloadOne.open(spec, guard, store, start)) {
      current = downloadOne;
      runner = Thread.currentThread();
      if (cancelled.getCount() == 0) {
        downloadOne.cancel();
      }
      Downloader strategy = Strategies.create(spec, downloadOne);
      Thread giveUp = guard.hasDeadline() ? giveUpAfterGrace(guard) : null;
      try {
        strategy.downloadMany(
            spec.codes(),
            result -> {
              if (done.add(result.cc())) {
                results.add(result);
                if (!cutShort(result)) {
                  listener.onProgress(result);
                }
                listener.onResult(result);
              }
            });
      } catch (InterruptedException e) {
        // Ctrl-C, or past the deadline and its grace: what has no result is unfinished
      } finally {
        runner = null;
        stop(giveUp);
        Thread.interrupted(); // from here on the run only reports
      }
      for (String cc : spec.codes()) {
        if (done.add(cc)) {
          FlagResult result = downloadOne.unfinished(cc);
          results.add(result);
          listener.onResult(result);
        }
      }
      if (strategy instanceof StartupReporting pool) {
        startup = pool.startupTime();
        workerStartups = pool.workerStartups();
      } else {
        startup = Duration.ZERO;
        workerStartups = List.of();
      }
      connections = downloadOne.connections();
      current = null;
    }
    return RunReport.builder()
        .mode(spec.mode())
        .maxReq(spec.concurrency())
        .server(spec.fetch().serverLabel(), spec.fetch().baseUrl())
        .codes(spec.codes())
        .results(results)
        .startedAt(startedAt)
        .elapsed(Duration.ofNanos(System.nanoTime() - start))
        .workerStartup(startup)
        .workRounds(spec.work().workload().rounds())
        .gil(spec.work().gil())
        .workerStartups(workerStartups)
        .connections(connections)
        .build();
  }

  /** Stops the grace timer, if any, and waits until it can no longer interrupt anybody. */
  @SuppressWarnings("ThreadJoinLoop") // it is a loop: an interrupted join is joined again
  private static void stop(Thread giveUp) {
    if (giveUp == null) {
      return;
    }
    giveUp.interrupt();
    while (true) {
      try {
        giveUp.join();
        return;
      } catch (InterruptedException e) {
        // the timer itself, or a second Ctrl-C: it ends at once either way
      }
    }
  }

  /** Whether the run, not the flag, ended it: Ctrl-C or the deadline. */
  private static boolean cutShort(FlagResult result) {
    return result
        .cause()
        .filter(cause -> cause instanceof Cause.Interrupted || cause instanceof Cause.Deadline)
        .isPresent();
  }

  /**
   * Interrupts the calling thread {@link #GRACE} after the deadline, unless it is interrupted
   * itself first (the run ended in time).
   */
  private Thread giveUpAfterGrace(RunGuard guard) {
    Thread caller = Thread.currentThread();
    return Thread.ofVirtual()
        .name("deadline-grace")
        .start(
            () -> {
              try {
                long wait = Math.max(0, guard.nanosLeft()) + GRACE.toNanos();
                if (!cancelled.await(wait, TimeUnit.NANOSECONDS) && runner == caller) {
                  caller.interrupt();
                }
              } catch (InterruptedException e) {
                // the run ended in time
              }
            });
  }
}
