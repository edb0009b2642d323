package dev.flags.download;

import dev.flags.http.FlagUrls;
import dev.flags.http.HttpClients;
import dev.flags.http.StatusText;
import dev.flags.store.FlagStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The per-flag work every strategy shares, the book's {@code download_one}: get the flag, classify
 * the answer, save the bytes. It never throws for a bad flag: every outcome is a {@link
 * FlagResult}.
 *
 * <p>It owns the run's one HTTP client: {@link #close} shuts it down.
 *
 * <p>Blocking strategies call {@link #download}; non-blocking ones enqueue {@link #newCall} and
 * finish with {@link #complete} or {@link #failed}. All three paths share the same classification.
 */
public final class DownloadOne implements AutoCloseable {
  private final OkHttpClient client;
  private final FlagUrls urls;
  private final FlagStore store;
  private final long runStartNanos;

  private DownloadOne(OkHttpClient client, FlagUrls urls, FlagStore store, long runStartNanos) {
    this.client = client;
    this.urls = urls;
    this.store = store;
    this.runStartNanos = runStartNanos;
  }

  /**
   * The per-flag work for a run that started at {@code runStartNanos} ({@link System#nanoTime}),
   * with a client sized for {@code settings.maxReq()} concurrent requests.
   */
  public static DownloadOne open(DownloadSettings settings, long runStartNanos) {
    OkHttpClient client =
        HttpClients.create(
            settings.maxReq(), Duration.ofNanos((long) (settings.timeoutSeconds() * 1e9)));
    return new DownloadOne(
        client,
        new FlagUrls(settings.baseUrl()),
        new FlagStore(Path.of(settings.dest())),
        runStartNanos);
  }

  /** The run's HTTP client, for strategies that need its dispatcher (e.g. to cancel calls). */
  public OkHttpClient client() {
    return client;
  }

  /** When the run started ({@link System#nanoTime}): results' {@code startMs} count from it. */
  public long runStartNanos() {
    return runStartNanos;
  }

  @Override
  public void close() {
    HttpClients.shutdown(client);
  }

  /** Downloads one flag on the calling thread (blocking strategies). */
  public FlagResult download(String cc) {
    long start = System.nanoTime();
    try (Response response = newCall(cc).execute()) {
      return complete(cc, response, start);
    } catch (IOException e) {
      return result(cc, FlagStatus.ERROR, 0, start, describe(e));
    }
  }

  /**
   * The call that gets one flag; non-blocking strategies enqueue it and finish with {@link
   * #complete}.
   */
  public Call newCall(String cc) {
    return client.newCall(new Request.Builder().url(urls.flag(cc)).build());
  }

  /**
   * Classifies the response and saves the body when it is a flag. The caller owns (and closes) the
   * response. {@code startNanos} is when the request was started.
   */
  public FlagResult complete(String cc, Response response, long startNanos) {
    if (response.code() == 404) {
      return result(cc, FlagStatus.NOT_FOUND, 0, startNanos, response.request().url().toString());
    }
    if (!response.isSuccessful()) {
      return result(
          cc,
          FlagStatus.ERROR,
          0,
          startNanos,
          StatusText.describe(response.code(), response.message()));
    }
    try {
      byte[] body = response.body().bytes();
      store.save(cc.toLowerCase(Locale.ROOT) + ".gif", body);
      return result(cc, FlagStatus.OK, body.length, startNanos, null);
    } catch (IOException e) {
      return result(cc, FlagStatus.ERROR, 0, startNanos, describe(e));
    }
  }

  /** A result for a failure that happened before any response (async strategies). */
  public FlagResult failed(String cc, IOException e, long startNanos) {
    return result(cc, FlagStatus.ERROR, 0, startNanos, describe(e));
  }

  private FlagResult result(
      String cc, FlagStatus status, long bytes, long startNanos, String error) {
    long now = System.nanoTime();
    return new FlagResult(
        cc,
        status,
        bytes,
        1,
        (startNanos - runStartNanos) / 1_000_000,
        (now - startNanos) / 1_000_000,
        Thread.currentThread().getName(),
        error);
  }

  /** A short reason for an I/O failure, in the words a user expects. */
  static String describe(IOException e) {
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return "timed out";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    String message = e.getMessage();
    if (message != null && message.toLowerCase(Locale.ROOT).contains("reset")) {
      return "connection reset";
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
