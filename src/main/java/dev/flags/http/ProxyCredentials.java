package dev.flags.http;

import java.io.IOException;
import java.net.Proxy;
import okhttp3.Authenticator;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * The environment's proxy user and password ({@code http://user:pass@proxy:3128}), sent as {@code
 * Proxy-Authorization: Basic} as curl sends them:
 *
 * <ul>
 *   <li>as OkHttp's proxy authenticator, when a proxy answers 407 and before a {@code CONNECT}
 *       tunnel for https (OkHttp asks it first, "preemptively");
 *   <li>as a network interceptor, with each plain-http request to such a proxy from the start, so
 *       that no request costs a 407 round trip first. Never on a request inside an https tunnel:
 *       that one goes to the origin server, which must not see the proxy's password.
 * </ul>
 *
 * A proxy that refuses the credentials it was given gets no second try: its 407 is the answer.
 */
final class ProxyCredentials implements Authenticator, Interceptor {
  private static final String HEADER = "Proxy-Authorization";

  private final EnvProxies proxies;

  ProxyCredentials(EnvProxies proxies) {
    this.proxies = proxies;
  }

  @Override
  public Request authenticate(Route route, Response response) {
    Request refused = response.request();
    if (route == null || refused.header(HEADER) != null) {
      return null;
    }
    return proxies
        .basicCredentials(route.proxy())
        .map(credentials -> refused.newBuilder().header(HEADER, credentials).build())
        .orElse(null);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (connection == null
        || request.isHttps()
        || request.header(HEADER) != null
        || connection.route().proxy().type() != Proxy.Type.HTTP) {
      return chain.proceed(request);
    }
    return chain.proceed(
        proxies
            .basicCredentials(connection.route().proxy())
            .map(credentials -> request.newBuilder().header(HEADER, credentials).build())
            .orElse(request));
  }
}
