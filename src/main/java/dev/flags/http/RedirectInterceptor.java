package dev.flags.http;

import dev.flags.outcome.Cause;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects by our rules rather than OkHttp's (up to 20 hops, and https to http allowed
 * with {@code followSslRedirects}): at most {@link #MAX_REDIRECTS} hops, and never from https down
 * to http, which would hand a man in the middle the rest of the exchange. The client must be built
 * with {@code followRedirects(false)}. Tags travel with each hop.
 */
public final class RedirectInterceptor implements Interceptor {
  public static final int MAX_REDIRECTS = 5;

  /** Where the https hops of a plain-http client go; null if the client has TLS itself. */
  private final TlsSibling tls;

  /** For a client with TLS. */
  public RedirectInterceptor() {
    this(null);
  }

  RedirectInterceptor(TlsSibling tls) {
    this.tls = tls;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int hops = 0; ; hops++) {
      Response response =
          tls != null && request.isHttps() ? tls.proceed(chain, request) : chain.proceed(request);
      if (!isRedirect(response.code())) {
        return response;
      }
      String location = response.header("Location");
      if (location == null) {
        return response; // a 3xx with nowhere to go: reported as that status
      }
      HttpUrl next = response.request().url().resolve(location);
      response.close();
      if (next == null) {
        throw FetchException.of(new Cause.RedirectRefused("redirect to an unusable location"));
      }
      if (hops == MAX_REDIRECTS) {
        throw FetchException.of(new Cause.TooManyRedirects(MAX_REDIRECTS));
      }
      if (request.isHttps() && !next.isHttps()) {
        throw FetchException.of(new Cause.RedirectRefused("redirect from https to http refused"));
      }
      request = request.newBuilder().url(next).build();
    }
  }

  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }
}
