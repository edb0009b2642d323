package dev.flags.download;

import dev.flags.http.Attempts;
import dev.flags.http.BodyCheck;
import dev.flags.http.Failures;
import dev.flags.http.FetchException;
import dev.flags.http.FlagUrls;
import dev.flags.http.HttpClients;
import dev.flags.http.HttpDates;
import dev.flags.http.RetryPolicy;
import dev.flags.http.RunGuard;
import dev.flags.http.StatusText;
import dev.flags.store.FlagStore;
import dev.flags.store.Gif;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The per-flag work every strategy shares, the book's {@code download_one}: get the flag, classify
 * the answer, save the bytes. It never throws for a bad flag: every outcome is a {@link
 * FlagResult}.
 *
 * <p>It owns the run's one HTTP client: {@link #close} shuts it down. Everything that makes a
 * download trustworthy lives on this path, so every strategy gets it without code of its own:
 * retries with backoff, per-attempt timeouts, body validation and redirect rules (interceptors of
 * the client, see {@link HttpClients}), the run's deadline and Ctrl-C ({@link #cancel}): a flag
 * started after either is an ERROR {@code deadline} or {@code interrupted} without a request, and
 * calls in flight are cut.
 *
 * <p>Blocking strategies call {@link #download}; non-blocking ones enqueue {@link #newCall} and
 * finish with {@link #complete} or {@link #failed}. All three paths share the same classification.
 */
public final class DownloadOne implements AutoCloseable {
  private static final BodyCheck GIF = new BodyCheck("a GIF", Gif::hasSignature);

  private final OkHttpClient client;
  private final FlagUrls urls;
  private final FlagStore store;
  private final RunGuard guard;
  private final long runStartNanos;

  private DownloadOne(
      OkHttpClient client, FlagUrls urls, FlagStore store, RunGuard guard, long runStartNanos) {
    this.client = client;
    this.urls = urls;
    this.store = store;
    this.guard = guard;
    this.runStartNanos = runStartNanos;
  }

  /**
   * The per-flag work for a run that started at {@code runStartNanos} ({@link System#nanoTime}),
   * with a client sized for {@code settings.maxReq()} concurrent requests.
   */
  public static DownloadOne open(DownloadSettings settings, long runStartNanos) {
    return open(settings, runStartNanos, null);
  }

  /**
   * The same, with file-name claims decided by {@code claims} (see {@link FlagStore#claim}); null:
   * in this store. A process-pool worker's claims are its parent's.
   */
  public static DownloadOne open(
      DownloadSettings settings, long runStartNanos, BiPredicate<String, String> claims) {
    RunGuard guard =
        settings.deadlineEpochMillis() > 0
            ? RunGuard.until(
                System.nanoTime()
                    + TimeUnit.MILLISECONDS.toNanos(
                        settings.deadlineEpochMillis() - System.currentTimeMillis()))
            : RunGuard.unlimited();
    FlagUrls urls = new FlagUrls(settings.baseUrl());
    Path dest = Path.of(settings.dest());
    FlagStore store = claims == null ? new FlagStore(dest) : new FlagStore(dest, claims);
    RetryPolicy retries =
        new RetryPolicy(
            settings.retries(),
            seconds(settings.backoffSeconds()),
            seconds(settings.maxRetryWaitSeconds()));
    OkHttpClient client =
        HttpClients.create(
            settings.maxReq(),
            seconds(settings.timeoutSeconds()),
            retries,
            settings.maxBytes(),
            guard,
            List.of(new FlagCallInterceptor(urls, store, guard, settings)),
            urls.https());
    return new DownloadOne(client, urls, store, guard, runStartNanos);
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos((long) (seconds * 1e9));
  }

  /** The run's HTTP client, for strategies that need its dispatcher (e.g. to cancel calls). */
  public OkHttpClient client() {
    return client;
  }

  /**
   * Reserves a file name for a flag for this run (see {@link FlagStore#claim}): a process pool's
   * parent decides its workers' claims here.
   */
  public boolean claim(String fileName, String cc) {
    return store.claim(fileName, cc);
  }

  /** When the run started ({@link System#nanoTime}): results' {@code startMs} count from it. */
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
    client.dispatcher().cancelAll();
  }

  /** Whether {@link #cancel} was called: for strategies whose work runs out of this JVM's reach. */
  public boolean cancelled() {
    return guard.cancelled();
  }

  /**
   * Nanoseconds left before the run's deadline (negative once passed), or {@code Long.MAX_VALUE} if
   * it has none: for strategies that wait for results, so they stop waiting in time.
   */
  public long nanosLeft() {
    return guard.nanosLeft();
  }

  /**
   * The result for a flag that never finished: its strategy stopped waiting for it (deadline) or
   * the run was interrupted. ERROR {@code deadline} or {@code interrupted}.
   */
  public FlagResult unfinished(String cc) {
    String reason = guard.stopReason();
    return result(
        cc,
        FlagStatus.ERROR,
        0,
        0,
        System.nanoTime(),
        reason != null ? reason : RunGuard.INTERRUPTED,
        null,
        false);
  }

  /** Shuts the client down and removes the temp files of saves still in progress. */
  @Override
  public void close() {
    HttpClients.shutdown(client);
    store.removeTempFiles();
  }

  /** Removes the temp files of saves in progress, e.g. before the JVM halts; never throws. */
  public void removeTempFiles() {
    store.removeTempFiles();
  }

  /** Downloads one flag on the calling thread (blocking strategies). */
  public FlagResult download(String cc) {
    long start = System.nanoTime();
    try (Response response = newCall(cc).execute()) {
      return complete(cc, response, start);
    } catch (IOException e) {
      return failed(cc, e, start);
    }
  }

  /**
   * The call that gets one flag; non-blocking strategies enqueue it and finish with {@link
   * #complete} (or {@link #failed}). With a deadline, the call is cut when it passes.
   */
  public Call newCall(String cc) {
    FlagCall flag = new FlagCall(cc);
    Request request =
        new Request.Builder()
            .url(urls.flag(cc))
            .tag(FlagCall.class, flag)
            .tag(Attempts.class, flag.attempts)
            .tag(BodyCheck.class, GIF)
            .build();
    Call call = client.newCall(request);
    long left = guard.nanosLeft();
    if (guard.hasDeadline() && left > 0) {
      call.timeout().deadline(left, TimeUnit.NANOSECONDS);
    }
    return call;
  }

  /**
   * Classifies the response and saves the body when it is a flag. The caller owns (and closes) the
   * response. {@code startNanos} is when the request was started.
   */
  public FlagResult complete(String cc, Response response, long startNanos) {
    FlagCall flag = response.request().tag(FlagCall.class);
    if (flag == null) {
      flag = new FlagCall(cc);
    }
    int attempts = flag.attempts.count();
    if (flag.alreadySaved() || (response.code() == 304 && flag.conditional())) {
      return result(cc, FlagStatus.OK, 0, attempts, startNanos, null, flag.file(), true);
    }
    if (response.code() == 404) {
      String url = response.request().url().toString();
      return result(cc, FlagStatus.NOT_FOUND, 0, attempts, startNanos, url, null, false);
    }
    if (!response.isSuccessful()) {
      String status = StatusText.describe(response.code(), response.message());
      return result(cc, FlagStatus.ERROR, 0, attempts, startNanos, status, null, false);
    }
    String stop = guard.stopReason();
    if (RunGuard.INTERRUPTED.equals(stop)) {
      // Ctrl-C: nothing more is written, not even a body that has just arrived.
      return result(cc, FlagStatus.ERROR, 0, attempts, startNanos, stop, null, false);
    }
    try {
      byte[] body = response.body().bytes();
      store.save(flag.file(), body, HttpDates.parse(response.header("Last-Modified")));
      return result(cc, FlagStatus.OK, body.length, attempts, startNanos, null, flag.file(), false);
    } catch (IOException e) {
      String reason =
          guard.cancelled()
              ? RunGuard.INTERRUPTED
              : Failures.printable(
                  e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return result(cc, FlagStatus.ERROR, 0, attempts, startNanos, reason, null, false);
    }
  }

  /**
   * A result for a call that failed without a response to classify (async strategies): the reason
   * and the attempts are those the interceptors recorded in the exception.
   */
  public FlagResult failed(String cc, IOException e, long startNanos) {
    FetchException failure = Failures.reasonFor(e, guard);
    return result(
        cc, FlagStatus.ERROR, 0, failure.attempts(), startNanos, failure.reason(), null, false);
  }

  private FlagResult result(
      String cc,
      FlagStatus status,
      long bytes,
      int attempts,
      long startNanos,
      String error,
      String file,
      boolean skipped) {
    long now = System.nanoTime();
    return new FlagResult(
        cc,
        status,
        bytes,
        attempts,
        (startNanos - runStartNanos) / 1_000_000,
        (now - startNanos) / 1_000_000,
        Thread.currentThread().getName(),
        error,
        file,
        skipped);
  }
}
