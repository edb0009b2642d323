package dev.flags.http;

import dev.flags.tls.Trust;
import dev.flags.tls.TrustSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Builds the one OkHttp client a run shares between all its requests. */
public final class HttpClients {
  private static final List<ConnectionSpec> PLAIN_HTTP = List.of(ConnectionSpec.CLEARTEXT);

  private HttpClients() {}

  /**
   * A client sized for {@code concurrency} requests at once: as many idle connections kept as
   * requests may run (OkHttp keeps 5 by default, which would make a 30-thread run reconnect), and
   * the async dispatcher allowed as many calls per host (its default is 5).
   *
   * @param timeout applies to connecting, to each read, and to the whole call
   */
  public static OkHttpClient create(int concurrency, Duration timeout) {
    return sized(concurrency, true, TrustSettings.SYSTEM)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .build();
  }

  /**
   * The client downloads use: sized as {@link #create(int, Duration)}, with our retry, timeout,
   * body and redirect rules as application interceptors, so that they hold for blocking and
   * enqueued calls alike. Interceptors run in this order: {@link RetryInterceptor}, {@link
   * RedirectInterceptor}, then OkHttp's own.
   *
   * <p>OkHttp's own retries are off ({@code retryOnConnectionFailure(false)}, and {@link
   * NoSilentRetry}): one place decides what is retried, and attempts are counted exactly. Its call
   * timeout is off too: it would span all the attempts; each attempt gets {@code timeout} instead,
   * and a call can still be given a deadline through {@code call.timeout()}. A body left unread is
   * not drained past {@link DrainLimit#MAX_DRAIN} bytes.
   *
   * @param rules the run's retry rules, whole: the interceptor reads what it applies
   * @param tls whether requests start on https; if not, TLS is set up only if a server redirects to
   *     https (see {@link TlsSibling})
   * @param trust whom TLS connections trust ({@code --cacert}, {@code -k})
   * @param events hears every connection the client opens
   */
  public static OkHttpClient create(
      int concurrency,
      RetryRules rules,
      RunGuard guard,
      boolean tls,
      TrustSettings trust,
      ConnectionEvents events) {
    Duration timeout = rules.timeout();
    OkHttpClient hops =
        sized(concurrency, tls, trust)
            .eventListener(events)
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(Duration.ZERO)
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .addNetworkInterceptor(new NoSilentRetry())
            .addNetworkInterceptor(new DrainLimit())
            .build();
    return hops.newBuilder()
        // First, so each attempt and each redirect hop carries the headers (-H).
        .addInterceptor(chain -> chain.proceed(withHeaders(chain.request(), rules)))
        .addInterceptor(new RetryInterceptor(rules, guard))
        .addInterceptor(new RedirectInterceptor(tls ? null : new TlsSibling(hops, trust)))
        .build();
  }

  private static Request withHeaders(Request request, RetryRules rules) {
    if (rules.headers().isEmpty()) {
      return request;
    }
    Request.Builder builder = request.newBuilder();
    rules.headers().forEach(h -> builder.addHeader(h.name(), h.value()));
    return builder.build();
  }

  /**
   * A client for {@code concurrency} requests at once; {@code tls} false: plain http only, which
   * spares OkHttp's TLS set-up (see {@link TlsSibling}).
   */
  private static OkHttpClient.Builder sized(int concurrency, boolean tls, TrustSettings trust) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(concurrency, 1));
    dispatcher.setMaxRequestsPerHost(Math.max(concurrency, 1));
    EnvProxies proxies = EnvProxies.fromEnvironment();
    ProxyCredentials credentials = new ProxyCredentials(proxies);
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(Math.max(concurrency, 5), 5, TimeUnit.MINUTES))
            .proxySelector(proxies)
            .proxyAuthenticator(credentials)
            .addNetworkInterceptor(credentials);
    return tls ? Trust.apply(trust, builder) : builder.connectionSpecs(PLAIN_HTTP);
  }

  /**
   * Starts OkHttp's one-time set-up on a daemon thread, so that it overlaps with parsing the
   * command line on the main thread. That set-up is its platform probe, which loads every JDK
   * security provider, and, if {@code tls}, TLS: the JDK's trust store and an SSLContext, which the
   * JDK then keeps; and a first request built, whose host name and tag load Unicode tables and
   * Kotlin's class mapping. Class initialisation is done once, whoever gets there first: a {@link
   * #create} that comes early waits for it, one that comes late finds it done.
   */
  public static void warmUpInBackground(boolean tls) {
    Thread.ofPlatform()
        .daemon()
        .name("okhttp-warm-up")
        .start(
            () -> {
              sized(1, tls, TrustSettings.SYSTEM).build();
              // A request as the run builds them: its URL's host loads Unicode tables, its tag
              // Kotlin's class mapping.
              new Request.Builder().url("http://127.0.0.1/").tag(Object.class, "").build();
            });
  }

  /**
   * Lets the JVM exit promptly and leaves no socket open: cancels any call still out (its
   * connection is in use, so evicting the pool would not close it), stops the dispatcher's threads
   * and closes pooled connections.
   */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
