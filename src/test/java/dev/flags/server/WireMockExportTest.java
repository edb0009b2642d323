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

  @Test
  void keepsTheDelayFixedOrUniform() throws IOException {
    WireMockExport.write(flags, new Delay(500, 5000), dir.resolve("uniform"));
    JsonNode uniform =
        new ObjectMapper().readTree(dir.resolve("uniform/mappings/br-gif.json").toFile());
    assertThat(uniform.at("/response/delayDistribution/type").asText()).isEqualTo("uniform");
    assertThat(uniform.at("/response/delayDistribution/lower").asLong()).isEqualTo(500);
    assertThat(uniform.at("/response/delayDistribution/upper").asLong()).isEqualTo(5000);

    WireMockExport.write(flags, Delay.fixed(300), dir.resolve("fixed"));
    WireMockServer server = wireMock(dir.resolve("fixed"));
    try {
      long start = System.nanoTime();
      try (Response response = get(server, "br/br.gif")) {
        assertThat(response.body().bytes()).isEqualTo(flags.find("br/br.gif").orElseThrow().body());
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    } finally {
      server.stop();
    }
  }

  @Test
  void exportsAFlagTreeToo() throws IOException {
    Path tree = dir.resolve("tree/br");
    Files.createDirectories(tree);
    byte[] gif = flags.find("br/br.gif").orElseThrow().body();
    Files.write(tree.resolve("br.gif"), gif);
    assertThat(
            WireMockExport.write(FlagTree.load(dir.resolve("tree")), Delay.NONE, dir.resolve("wm")))
        .isEqualTo(1);
    assertThat(dir.resolve("wm/__files/flags/br/br.gif")).hasBinaryContent(gif);
    assertThat(dir.resolve("wm/mappings/br-metadata.json")).doesNotExist();
  }
}
