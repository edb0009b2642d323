package dev.flags.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
    wireMock.stubFor(get(urlEqualTo(path(cc))).willReturn(response));
  }

  /** The first request for this code gets {@code first}; every later one gets the GIF. */
  public byte[] okAfter(String cc, ResponseDefinitionBuilder first) {
    byte[] body = gif(cc);
    wireMock.stubFor(
        get(urlEqualTo(path(cc)))
            .inScenario(cc)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("answered"));
    wireMock.stubFor(
        get(urlEqualTo(path(cc)))
            .inScenario(cc)
            .whenScenarioStateIs("answered")
            .willReturn(aResponse().withStatus(200).withBody(body)));
    return body;
  }

  /** How many requests for this code's GIF the server has received so far. */
  public int requests(String cc) {
    return wireMock.findAll(getRequestedFor(urlEqualTo(path(cc)))).size();
  }

  private static String path(String cc) {
    String lower = cc.toLowerCase(Locale.ROOT);
    return "/flags/" + lower + "/" + lower + ".gif";
  }
}
