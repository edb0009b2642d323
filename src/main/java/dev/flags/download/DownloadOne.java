package dev.flags.download;

import dev.flags.http.ConnectionEvents;
import dev.flags.http.FlagUrls;
import dev.flags.http.HttpClients;
import dev.flags.http.RunGuard;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Connections;
import dev.flags.outcome.Outcome;
import dev.flags.store.FlagStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The per-flag work every strategy shares, the book's {@code download_one}: it runs a flag's {@link
 * FlagSteps} and never throws for a flag: every outcome is a {@link FlagResult}, even an exception
 * nobody expected ({@code internal error: ...}), so one flag's surprise never stops the others.
 *
 * <p>Blocking strategies call {@link #download}; the async one calls {@link #downloadAsync}. Both
 * run the same steps, whose order is written once ({@link #runSteps}), over an {@link Exchange}
 * that sends each request: executed on the calling thread, or enqueued. It owns the run's one HTTP
 * client, whose interceptors hold retries, per-attempt timeouts, body checks and redirect rules for
 * every request of every mode (see {@link HttpClients}), and the run's {@link RunGuard}: the
 * deadline and Ctrl-C ({@link #cancel}). {@link #close} shuts the client down.
 */
public final class DownloadOne implements AutoCloseable, PoolHost {
  private final ConnectionEvents events;
  private final Supplier<OkHttpClient> newClient;
  // Built at the first request: a process pool's parent, which makes none, never builds one.
  private volatile OkHttpClient client;
  private final FlagSteps steps;
  private final FlagStore store;
  private final RunGuard guard;
  private final long runStartNanos;

  private DownloadOne(
      Supplier<OkHttpClient> newClient,
      ConnectionEvents events,
      FlagSteps steps,
      FlagStore store,
      RunGuard guard,
      long runStartNanos) {
    this.newClient = newClient;
    this.events = events;
    this.steps = steps;
    this.store = store;
    this.guard = guard;
    this.runStartNanos = runStartNanos;
  }

  /**
   * The per-flag work of a run that started at {@code runStartNanos} ({@link System#nanoTime}),
   * stopped by {@code guard}, saving into {@code store}, with a client sized for the run's
   * concurrency.
   */
  public static DownloadOne open(
      RunSpec spec, RunGuard guard, FlagStore store, long runStartNanos) {
    FlagUrls urls = new FlagUrls(spec.fetch().baseUrl());
    int size = spec.parallelism().size(spec.codes().size());
    ConnectionEvents events = new ConnectionEvents();
    return new DownloadOne(
        () -> HttpClients.create(size, spec.retry(), guard, urls.https(), spec.trust(), events),
        events,
        new FlagSteps(spec.save(), spec.work(), urls, store, guard),
        store,
        guard,
        runStartNanos);
  }

  /** The run's one client, built by the first caller. */
  private OkHttpClient client() {
    OkHttpClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built = newClient.get();
          client = built;
        }
      }
    }
    return built;
  }

  /**
   * Reserves a file name for a flag for this run (see {@link FlagStore#claim}): a process pool's
   * parent decides its workers' claims here.
   */
  @Override
  public boolean claim(String fileName, String cc) {
    return store.claim(fileName, cc);
  }

  /** The run's deadline as wall-clock ms since the epoch, the same in every process; 0 if none. */
  @Override
  public long deadlineEpochMillis() {
    return guard.hasDeadline()
        ? System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(guard.nanosLeft())
        : 0;
  }

  /**
   * The per-flag work of a run of {@code spec} starting now, into its destination, with its
   * deadline counted from now: for driving single flags (tests) without the engine.
   */
  public static DownloadOne open(RunSpec spec) {
    long start = System.nanoTime();
    RunGuard guard = RunGuard.after(start, spec.retry().deadline());
    return open(spec, guard, new FlagStore(spec.fetch().dest()), start);
  }

  /** The connections this process's client opened so far, and what they spoke. */
  public Connections connections() {
    return events.summary();
  }

  /** When the run started ({@link System#nanoTime}): results' {@code startMs} count from it. */
  @Override
  public long runStartNanos() {
    return runStartNanos;
  }

  /**
   * Stops the run (Ctrl-C): no flag starts a request any more, backoff waits end, and every call in
   * flight, blocking or enqueued, is cancelled. Their results say {@code interrupted}. Safe to call
   * from any thread, e.g. a signal handler; idempotent.
   */
  public void cancel() {
    guard.cancel();
    cancelCalls();
  }

  /** Cancels the calls still out, e.g. once a strategy stops waiting for them. */
  void cancelCalls() {
    OkHttpClient built = client;
    if (built != null) {
      built.dispatcher().cancelAll();
    }
  }

  /** Shuts the client down and removes the temp files of saves still in progress. */
  @Override
  public void close() {
    OkHttpClient built = client;
    if (built != null) {
      HttpClients.shutdown(built);
    }
    store.removeTempFiles();
  }

  /** Removes the temp files of saves in progress, e.g. before the JVM halts; never throws. */
  public void removeTempFiles() {
    store.removeTempFiles();
  }

  /**
   * Downloads one flag on the calling thread (blocking strategies): each request is executed there,
   * and each step after it runs there too.
   */
  public FlagResult download(String cc) {
    FlagCall flag = new FlagCall(cc, System.nanoTime());
    Outcome outcome;
    try {
      outcome = runSteps(flag, Exchange.BLOCKING).join();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      if (e instanceof CompletionException && e.getCause() instanceof VirtualMachineError jvm) {
        throw jvm; // unwrapped from a step's stage: the JVM's own error is no flag's failure
      }
      outcome = steps.internalError(flag, e);
    }
    return result(flag, outcome);
  }

  /**
   * Downloads one flag with enqueued calls ({@link EnqueuedCalls}): the same steps, and no thread
   * waits for a server. Each step after a call runs on {@code continuations}. The future never
   * fails.
   */
  public CompletableFuture<FlagResult> downloadAsync(String cc, Executor continuations) {
    FlagCall flag = new FlagCall(cc, System.nanoTime());
    return runSteps(flag, Exchange.enqueued(continuations))
        .handle(
            (outcome, e) -> result(flag, outcome != null ? outcome : steps.internalError(flag, e)));
  }

  /**
   * A flag's steps in their order ({@link FlagSteps}), its requests sent by {@code exchange}:
   * stopped, or named from its metadata; already saved; else the GIF's request and what its answer
   * means.
   */
  private CompletableFuture<Outcome> runSteps(FlagCall flag, Exchange exchange) {
    Optional<Outcome> stopped = steps.stopped();
    Optional<Request> metadata = steps.metadataRequest(flag);
    CompletableFuture<Optional<Outcome>> named =
        stopped.isPresent() || metadata.isEmpty()
            ? CompletableFuture.completedFuture(stopped)
            : exchange.send(
                newCall(metadata.get()),
                (response, e) -> steps.nameFromMetadata(flag, response, e));
    return named.thenCompose(
        early ->
            early
                .or(() -> steps.alreadySaved(flag))
                .map(CompletableFuture::completedFuture)
                .orElseGet(
                    () ->
                        exchange.send(
                            newCall(steps.flagRequest(flag)),
                            (response, e) -> steps.outcome(flag, response, e))));
  }

  /** A call for one of the flag's requests; with a deadline, cut when it passes. */
  private Call newCall(Request request) {
    Call call = client().newCall(request);
    long left = guard.nanosLeft();
    if (guard.hasDeadline() && left > 0) {
      call.timeout().deadline(left, TimeUnit.NANOSECONDS);
    }
    return call;
  }

  /**
   * The result for a flag that never finished: its strategy stopped waiting for it (deadline) or
   * the run was interrupted.
   */
  public FlagResult unfinished(String cc) {
    FlagCall flag = new FlagCall(cc, System.nanoTime());
    return result(flag, Outcome.failed(guard.stopCause().orElse(new Cause.Interrupted())));
  }

  private FlagResult result(FlagCall flag, Outcome outcome) {
    long now = System.nanoTime();
    return FlagResult.of(flag.cc, outcome)
        .withAttempts(flag.attempts.count())
        .withTime(
            (flag.startNanos - runStartNanos) / 1_000_000, (now - flag.startNanos) / 1_000_000)
        .withWorker(Thread.currentThread().getName())
        .withWork(flag.work().shifted(-runStartNanos));
  }
}
