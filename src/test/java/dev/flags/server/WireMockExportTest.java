package dev.flags.server;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.flags.country.Countries;
import dev.flags.country.Country;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export, loaded into a real WireMock server, serves the same bytes as the flag server. */
class WireMockExportTest {
  private final OkHttpClient client = new OkHttpClient();
  private final GeneratedFlags flags = new GeneratedFlags();

  @TempDir Path dir;

  private static WireMockServer wireMock(Path root) {
    WireMockServer server =
        new WireMockServer(
            wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(root.toString()));
    server.start();
    return server;
  }

  private Response get(WireMockServer server, String path) throws IOException {
    String url = "http://127.0.0.1:" + server.port() + "/flags/" + path;
    return client.newCall(new Request.Builder().url(url).build()).execute();
  }

  @Test
  void wireMockServesTheExportedFlagsByteForByte() throws IOException {
    assertThat(WireMockExport.write(flags, Delay.NONE, dir)).isEqualTo(194);
    try (var mappings = Files.list(dir.resolve("mappings"))) {
      assertThat(mappings).hasSize(2 * 194);
    }
    WireMockServer server = wireMock(dir);
    try {
      for (Country country : Countries.all()) {
        String cc = country.cc().toLowerCase(Locale.ROOT);
        for (String path : new String[] {cc + "/" + cc + ".gif", cc + "/metadata.json"}) {
          try (Response response = get(server, path)) {
            assertThat(response.code()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo(BookLayout.contentType(path));
            assertThat(response.body().bytes())
                .as(path)
                .isEqualTo(flags.find(path).orElseThrow().body());
          }
        }
      }
      try (Response response = get(server, "qq/qq.gif")) {
        assertThat(response.code()).isEqualTo(404);
      }
    } finally {
      server.stop();
    }
  }

  /** A tree holding only Brazil's flag, so these WireMock servers load one mapping. */
  private FlagTree brazilOnly() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree/br"));
    Files.write(tree.resolve("br.gif"), flags.find("br/br.gif").orElseThrow().body());
    return FlagTree.load(dir.resolve("tree"));
  }

  @Test
  void exportsAFlagTreeAndKeepsAFixedDelay() throws IOException {
    byte[] gif = flags.find("br/br.gif").orElseThrow().body();
    assertThat(WireMockExport.write(brazilOnly(), Delay.fixed(300), dir.resolve("wm")))
        .isEqualTo(1);
    assertThat(dir.resolve("wm/__files/flags/br/br.gif")).hasBinaryContent(gif);
    assertThat(dir.resolve("wm/mappings/br-metadata.json")).doesNotExist();
    WireMockServer server = wireMock(dir.resolve("wm"));
    try {
      long start = System.nanoTime();
      try (Response response = get(server, "br/br.gif")) {
        assertThat(response.body().bytes()).isEqualTo(gif);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    } finally {
      server.stop();
    }
  }

  @Test
  void aDelayRangeBecomesWireMocksUniformDistribution() throws IOException {
    WireMockExport.write(brazilOnly(), new Delay(500, 5000), dir.resolve("wm"));
    JsonNode mapping = new ObjectMapper().readTree(dir.resolve("wm/mappings/br-gif.json").toFile());
    assertThat(mapping.at("/response/delayDistribution/type").asText()).isEqualTo("uniform");
    assertThat(mapping.at("/response/delayDistribution/lower").asLong()).isEqualTo(500);
    assertThat(mapping.at("/response/delayDistribution/upper").asLong()).isEqualTo(5000);
    assertThat(mapping.at("/response/fixedDelayMilliseconds").isMissingNode()).isTrue();
  }
}
