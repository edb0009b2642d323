package dev.flags.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.country.Countries;
import dev.flags.server.FlagGif;
import java.util.Locale;

/** WireMock on 127.0.0.1 serving flags in the book's layout, with the answers a test wants. */
public final class FlagStubs {
  private final WireMockExtension wireMock;

  public FlagStubs(WireMockExtension wireMock) {
    this.wireMock = wireMock;
  }

  /** A WireMock extension bound to loopback on a free port. */
  public static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
        .build();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + wireMock.getPort() + "/flags";
  }

  /** The bytes the project's generator makes for a real country; a stable test body. */
  public static byte[] gif(String cc) {
    return FlagGif.generate(Countries.byCode(cc).orElseThrow());
  }

  /** Serves the generated GIF for this code; returns its bytes. */
  public byte[] ok(String cc) {
    byte[] body = gif(cc);
    stub(cc, aResponse().withStatus(200).withHeader("Content-Type", "image/gif").withBody(body));
    return body;
  }

  public void status(String cc, int status) {
    stub(cc, aResponse().withStatus(status));
  }

  public void fault(String cc, Fault fault) {
    stub(cc, aResponse().withFault(fault));
  }

  /** Headers promise the whole GIF, the body stops halfway and the connection closes. */
  public void truncated(String cc) {
    byte[] body = gif(cc);
    byte[] half = java.util.Arrays.copyOf(body, body.length / 2);
    stub(
        cc,
        aResponse()
            .withStatus(200)
            .withHeader("Content-Length", String.valueOf(body.length))
            .withBody(half));
  }

  public void stub(String cc, ResponseDefinitionBuilder response) {
    String lower = cc.toLowerCase(Locale.ROOT);
    wireMock.stubFor(
        get(urlEqualTo("/flags/" + lower + "/" + lower + ".gif")).willReturn(response));
  }
}
