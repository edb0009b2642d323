package dev.flags.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** Builds the one OkHttp client a run shares between all its requests. */
public final class HttpClients {
  private HttpClients() {}

  /**
   * A client sized for {@code concurrency} requests at once: as many idle connections kept as
   * requests may run (OkHttp keeps 5 by default, which would make a 30-thread run reconnect), and
   * the async dispatcher allowed as many calls per host (its default is 5).
   *
   * <p>A client for a plain-http server is built without TLS: setting TLS up (the JDK's trust
   * store, an SSLContext) costs ~100 ms of start-up that such a run never uses.
   *
   * @param baseUrl the server's base URL
   * @param timeout applies to connecting, to each read, and to the whole call
   */
  public static OkHttpClient create(String baseUrl, int concurrency, Duration timeout) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(concurrency, 1));
    dispatcher.setMaxRequestsPerHost(Math.max(concurrency, 1));
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    if (baseUrl.toLowerCase(Locale.ROOT).startsWith("http:")) {
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    return builder
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(Math.max(concurrency, 5), 5, TimeUnit.MINUTES))
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .build();
  }

  /**
   * Starts OkHttp's one-time set-up on a daemon thread, so that it overlaps with parsing the
   * command line on the main thread (2 cores: ~25 ms off a run's critical path). That set-up is
   * mostly its platform probe, which loads every JDK security provider. Class initialisation is
   * done once whoever gets there first: a {@link #create} that comes early waits for it, and one
   * that comes late finds it done.
   */
  public static void warmUpInBackground() {
    Thread.ofPlatform()
        .daemon()
        .name("okhttp-warm-up")
        .start(() -> new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)));
  }

  /** Lets the JVM exit promptly: stops the dispatcher's threads and closes pooled connections. */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
