package dev.flags;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.download.Mode;
import dev.flags.testing.FlagStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code -H} against stubs that answer only requests carrying the token (any other gets WireMock's
 * 404, which the run reports): flags and metadata, in each mode, through the {@code ./flags}
 * launcher so the process pool's workers are real child JVMs. The token shows nowhere.
 */
class HeaderIT {
  private static final String TOKEN = "s3cr3t-t0ken-4242";

  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyRequestCarriesTheHeaderAndItsValueShowsNowhere(Mode mode) throws Exception {
    for (String cc : List.of("BR", "JP")) {
      wireMock.stubFor(
          get(urlEqualTo(FlagStubs.flagPath(cc)))
              .withHeader("Authorization", equalTo("Bearer " + TOKEN))
              .willReturn(FlagStubs.okGif(cc)));
    }
    for (String[] named : new String[][] {{"BR", "Brazil"}, {"JP", "Japan"}}) {
      wireMock.stubFor(
          get(urlEqualTo(FlagStubs.metadataPath(named[0])))
              .withHeader("Authorization", equalTo("Bearer " + TOKEN))
              .willReturn(okJson("{\"country\": \"" + named[1] + "\"}")));
    }
    Path dest = dir.resolve("flags");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "./flags",
            "--mode=" + mode.label(),
            "-s",
            wireMock.baseUrl() + "/flags",
            "-d",
            dest.toString(),
            "-H",
            "Authorization: Bearer " + TOKEN,
            "--header",
            "Accept: image/gif",
            "--metadata",
            "-v",
            "--format=json",
            "BR",
            "JP"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("FLAGS_NO_BUILD", "1");
    builder.redirectOutput(dir.resolve("out.json").toFile());
    builder.redirectError(dir.resolve("err.txt").toFile());
    Process run = builder.start();
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();

    String out = Files.readString(dir.resolve("out.json"));
    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(run.exitValue()).as(err).isZero();
    assertThat(dest.resolve("Brazil.gif")).hasBinaryContent(FlagStubs.gif("BR"));
    assertThat(dest.resolve("Japan.gif")).hasBinaryContent(FlagStubs.gif("JP"));
    assertThat(out).contains("\"ok\"").doesNotContain(TOKEN);
    assertThat(err).isNotEmpty().doesNotContain(TOKEN);
  }
}
