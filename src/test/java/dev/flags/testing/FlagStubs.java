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
import dev.flags.download.RunSpec;
import dev.flags.download.RunSpecBuilder;
import dev.flags.server.FlagGif;
import java.nio.file.Path;
import java.util.Arrays;
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

  /**
   * A run of {@code baseUrl} into {@code dest} with the command line's defaults, but for tests: 4
   * requests at once, a 5 s timeout, and a 1 ms backoff so that retries cost nothing.
   */
  public static RunSpecBuilder spec(String baseUrl, Path dest) {
    return RunSpec.builder()
        .baseUrl(baseUrl)
        .dest(dest)
        .maxReq(4)
        .timeoutSeconds(5)
        .backoffSeconds(0.001);
  }

  /** The bytes the project's generator makes for a real country; a stable test body. */
  public static byte[] gif(String cc) {
    return FlagGif.generate(Countries.byCode(cc).orElseThrow());
  }

  /** A 200 answer with the generated GIF of {@code cc}. */
  public static ResponseDefinitionBuilder okGif(String cc) {
    return aResponse().withStatus(200).withHeader("Content-Type", "image/gif").withBody(gif(cc));
  }

  /** Serves the generated GIF for this code; returns its bytes. */
  public byte[] ok(String cc) {
    stub(cc, okGif(cc));
    return gif(cc);
  }

  public void status(String cc, int status) {
    stub(cc, aResponse().withStatus(status));
  }

  public void fault(String cc, Fault fault) {
    stub(cc, aResponse().withFault(fault));
  }

  /** Headers promise the whole GIF, the body stops halfway and the connection closes. */
  public static ResponseDefinitionBuilder truncatedGif(String cc) {
    byte[] body = gif(cc);
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Length", String.valueOf(body.length))
        .withBody(Arrays.copyOf(body, body.length / 2));
  }

  public void truncated(String cc) {
    stub(cc, truncatedGif(cc));
  }

  public void stub(String cc, ResponseDefinitionBuilder response) {
    wireMock.stubFor(get(urlEqualTo(flagPath(cc))).willReturn(response));
  }

  /** Answers the requests for {@code cc}'s flag with these responses in turn, the last for good. */
  public void sequence(String cc, ResponseDefinitionBuilder... answers) {
    String scenario = "flag " + cc;
    for (int i = 0; i < answers.length; i++) {
      wireMock.stubFor(
          get(urlEqualTo(flagPath(cc)))
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
              .willReturn(answers[i])
              .willSetStateTo("answer " + Math.min(i + 1, answers.length - 1)));
    }
  }

  /** Serves this JSON as {@code cc}'s metadata.json. */
  public void metadata(String cc, String json) {
    wireMock.stubFor(
        get(urlEqualTo(metadataPath(cc)))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json)));
  }

  /** How many requests WireMock received for {@code cc}'s flag. */
  public int requestsFor(String cc) {
    return wireMock
        .countRequestsMatching(getRequestedFor(urlEqualTo(flagPath(cc))).build())
        .getCount();
  }

  public static String flagPath(String cc) {
    String lower = cc.toLowerCase(Locale.ROOT);
    return "/flags/" + lower + "/" + lower + ".gif";
  }

  public static String metadataPath(String cc) {
    return "/flags/" + cc.toLowerCase(Locale.ROOT) + "/metadata.json";
  }
}
