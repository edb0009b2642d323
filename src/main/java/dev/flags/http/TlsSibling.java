package dev.flags.http;

import dev.flags.tls.Trust;
import dev.flags.tls.TrustSettings;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;

/**
 * The TLS-capable twin of a plain-http client, set up on first use. A run whose base URL is http
 * builds its client without TLS: OkHttp would otherwise load the JDK's trust store and set up an
 * SSLContext when the client is built, CPU that competes with the run itself (a start-up lever: see
 * the {@code dev.flags} package doc). A server may still redirect up to https: {@link
 * RedirectInterceptor} makes those hops here, on a client that shares the plain one's dispatcher
 * (cancelling the run cancels them too), connection pool and network interceptors, with the chain's
 * timeouts and the call's deadline.
 */
final class TlsSibling {
  private static final List<ConnectionSpec> TLS_AND_PLAIN =
      List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);

  private final OkHttpClient plain;
  private final TrustSettings trust;
  private volatile OkHttpClient tls;

  TlsSibling(OkHttpClient plain, TrustSettings trust) {
    this.plain = plain;
    this.trust = trust;
  }

  /** Makes {@code request} (an https one) as the next hop of {@code chain}'s call. */
  Response proceed(Interceptor.Chain chain, Request request) throws IOException {
    OkHttpClient client =
        tls()
            .newBuilder()
            .connectTimeout(chain.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(chain.readTimeoutMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(chain.writeTimeoutMillis(), TimeUnit.MILLISECONDS)
            .build();
    Call call = client.newCall(request);
    Timeout outer = chain.call().timeout();
    if (outer.hasDeadline()) {
      call.timeout().deadlineNanoTime(outer.deadlineNanoTime());
    }
    if (chain.call().isCanceled()) {
      call.cancel();
    }
    return call.execute();
  }

  private OkHttpClient tls() {
    OkHttpClient client = tls;
    if (client == null) {
      synchronized (this) {
        client = tls;
        if (client == null) {
          client = Trust.apply(trust, plain.newBuilder().connectionSpecs(TLS_AND_PLAIN)).build();
          tls = client;
        }
      }
    }
    return client;
  }
}
