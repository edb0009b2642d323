package dev.flags.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --metadata}: names from the server, which are untrusted. */
class MetadataTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();

  @TempDir Path root;
  private Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private DownloadOne downloadOne;

  @BeforeEach
  void open() throws IOException {
    dest = Files.createDirectory(root.resolve("dest"));
    downloadOne = DownloadOne.open(FlagStubs.spec(stubs.baseUrl(), dest).metadata(true).build());
  }

  @AfterEach
  void close() {
    downloadOne.close();
  }

  private static String json(String country) {
    return "{\"tld_cc\": \".xx\", \"iso_cc\": \"XX\", \"country\": " + country + "}";
  }

  @Test
  void savesUnderTheCountryNameLikeTheBooksFlags3() {
    stubs.ok("US");
    stubs.metadata("US", json("\"United States\""));
    FlagResult result = downloadOne.download("US");
    assertThat(result.status()).isEqualTo(FlagStatus.OK);
    assertThat(result.file()).isEqualTo("United_States.gif");
    assertThat(dest.resolve("United_States.gif")).hasBinaryContent(FlagStubs.gif("US"));
    assertThat(result.attempts()).isEqualTo(1); // the GIF's; the metadata request is not counted
  }

  static Stream<Arguments> hostileNames() {
    return Stream.of(
        Arguments.of("\"../../escaped\"", "escaped.gif"),
        Arguments.of("\"/etc/passwd\"", "etc_passwd.gif"),
        Arguments.of("\"..\"", "br.gif"),
        Arguments.of("\".bashrc\"", "bashrc.gif"),
        Arguments.of("\"a\\u0000b/../../c\"", "ab_c.gif"),
        Arguments.of("\"\\u001b[2J\\u001b]0;pwned\\u0007\"", "[2J]0;pwned.gif"),
        Arguments.of("\"" + "x".repeat(5000) + "\"", "x".repeat(150) + ".gif"),
        Arguments.of("\"CON\"", "br.gif"),
        Arguments.of("\"\"", "br.gif"),
        Arguments.of("42", "br.gif"),
        Arguments.of("null", "br.gif"));
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void aHostileNameNeverWritesOutsideTheDestination(String country, String expected)
      throws IOException {
    stubs.ok("BR");
    stubs.metadata("BR", json(country));
    FlagResult result = downloadOne.download("BR");
    assertThat(result.status()).as(result.error()).isEqualTo(FlagStatus.OK);
    assertThat(result.file()).isEqualTo(expected);
    assertThat(list(dest)).containsExactly(expected);
    assertThat(list(root)).containsExactly("dest");
  }

  @Test
  void aNameGivenToTwoFlagsOrAnotherCodesNameNeverOverwritesAFlag() throws IOException {
    for (String cc : List.of("BR", "JP", "CN")) {
      stubs.ok(cc);
    }
    stubs.metadata("BR", json("\"Atlantis\""));
    stubs.metadata("JP", json("\"Atlantis\""));
    stubs.metadata("CN", json("\"BR\""));
    for (String cc : List.of("BR", "JP", "CN")) {
      assertThat(downloadOne.download(cc).status()).isEqualTo(FlagStatus.OK);
    }
    assertThat(list(dest)).containsExactly("Atlantis.gif", "cn.gif", "jp.gif");
    assertThat(dest.resolve("Atlantis.gif")).hasBinaryContent(FlagStubs.gif("BR"));
  }

  @Test
  void unusableMetadataFallsBackToTheCode() throws IOException {
    stubs.ok("BR");
    stubs.ok("JP");
    stubs.ok("CN");
    stubs.metadata("BR", "this is not JSON");
    stubs.metadata("CN", "[\"country\"]");
    // JP: no metadata stub, so WireMock answers 404
    for (String cc : List.of("BR", "JP", "CN")) {
      assertThat(downloadOne.download(cc).status()).isEqualTo(FlagStatus.OK);
    }
    assertThat(list(dest)).containsExactly("br.gif", "cn.gif", "jp.gif");
  }

  @Test
  void aSymlinkPlantedUnderTheNameIsNeitherFollowedNorReplaced() throws IOException {
    Path secret = Files.writeString(root.resolve("secret.txt"), "do not touch");
    Path link = Files.createSymbolicLink(dest.resolve("Brazil.gif"), secret);
    stubs.ok("BR");
    stubs.metadata("BR", json("\"Brazil\""));
    FlagResult result = downloadOne.download("BR");
    assertThat(result.status()).isEqualTo(FlagStatus.ERROR);
    assertThat(result.error()).isEqualTo("Brazil.gif is a symbolic link: left as it is");
    assertThat(secret).hasContent("do not touch");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(list(dest)).containsExactly("Brazil.gif");
  }

  private static List<String> list(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
