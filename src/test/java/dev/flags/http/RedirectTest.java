package dev.flags.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.tls.TrustSettings;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redirects between WireMock's http and https ports, with the download client's rules. */
class RedirectTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"))
          .build();

  /** The download client, trusting WireMock's self-signed certificate as {@code -k} does. */
  private static OkHttpClient client() {
    return HttpClients.create(
        2,
        rules(2),
        RunGuard.unlimited(),
        true,
        new TrustSettings(List.of(), true),
        new ConnectionEvents());
  }

  private static String http(String path) {
    return "http://127.0.0.1:" + wireMock.getPort() + path;
  }

  private static String https(String path) {
    return "https://127.0.0.1:" + wireMock.getHttpsPort() + path;
  }

  private static void redirect(String from, String to) {
    wireMock.stubFor(
        get(urlEqualTo(from)).willReturn(aResponse().withStatus(301).withHeader("Location", to)));
  }

  @Test
  void neverFromHttpsDownToHttp() throws Exception {
    redirect("/down", http("/target"));
    wireMock.stubFor(get(urlEqualTo("/target")).willReturn(aResponse().withBody("secret")));
    OkHttpClient client = client();
    assertThatThrownBy(
            () -> client.newCall(new Request.Builder().url(https("/down")).build()).execute())
        .isInstanceOf(FetchException.class)
        .hasMessage("redirect from https to http refused");
    assertThat(
            wireMock
                .countRequestsMatching(
                    com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                            urlEqualTo("/target"))
                        .build())
                .getCount())
        .isZero();
  }

  @Test
  void httpsToHttpsAndHttpUpToHttpsAreFollowed() throws Exception {
    redirect("/up", https("/secure"));
    redirect("/secure", https("/target"));
    wireMock.stubFor(get(urlEqualTo("/target")).willReturn(aResponse().withBody("flag")));
    try (Response response =
        client().newCall(new Request.Builder().url(http("/up")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.request().url().toString()).isEqualTo(https("/target"));
      assertThat(response.body().string()).isEqualTo("flag");
    }
  }

  /** The client of a run whose base URL is http: no TLS until a server redirects to https. */
  private static OkHttpClient plainClient() {
    return HttpClients.create(
        2, rules(0), RunGuard.unlimited(), false, TrustSettings.SYSTEM, new ConnectionEvents());
  }

  @Test
  void aPlainHttpClientSetsUpNoTls() throws Exception {
    OkHttpClient client = plainClient();
    assertThat(client.x509TrustManager()).isNull();
    assertThatThrownBy(client::sslSocketFactory).hasMessage("CLEARTEXT-only client");
    wireMock.stubFor(get(urlEqualTo("/plain")).willReturn(aResponse().withBody("flag")));
    try (Response response =
        client.newCall(new Request.Builder().url(http("/plain")).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("flag");
    }
  }

  /**
   * A plain-http client still follows a redirect up to https: the hop goes over TLS with the JDK's
   * own trust, which refuses WireMock's self-signed certificate (HttpsDowngradeIT follows one to
   * the end, with a trust store given to the launched JVM). Without TLS the hop would fail with
   * OkHttp's "CLEARTEXT-only client" instead.
   */
  @Test
  void aPlainHttpClientMakesHttpsHopsOverTls() {
    redirect("/plain-up", https("/target"));
    wireMock.stubFor(get(urlEqualTo("/target")).willReturn(aResponse().withBody("flag")));
    assertThatThrownBy(
            () ->
                plainClient()
                    .newCall(new Request.Builder().url(http("/plain-up")).build())
                    .execute())
        .isInstanceOf(FetchException.class)
        .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
  }

  private static RetryRules rules(int retries) {
    return RetryRules.DEFAULTS
        .withTimeout(Duration.ofSeconds(5))
        .withRetries(retries)
        .withBackoff(Duration.ofMillis(1))
        .withMaxRetryWait(Duration.ofSeconds(1))
        .withMaxBytes(1_000_000);
  }
}
