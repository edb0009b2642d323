package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flags.server.Chaos;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
import dev.flags.testing.Cli;
import dev.flags.tls.ServerTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code flags} against a self-signed HTTPS flag server on loopback, as a new user meets it:
 * trusted with {@code --cacert} or {@code -k} in every mode, refused in plain words without either.
 */
class HttpsCliTest {
  private static final ServerTls TLS = ServerTls.generated();
  private static FlagServer server;

  @TempDir static Path shared;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    server =
        FlagServer.start("127.0.0.1", 0, new GeneratedFlags(), Chaos.NONE, RequestLog.IGNORE, TLS);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String certificate() throws IOException {
    Path file = shared.resolve("server.pem");
    if (!Files.exists(file)) {
      TLS.writeCertificate(file);
    }
    return file.toString();
  }

  private Cli.Run flags(String... args) {
    List<String> all = new ArrayList<>(List.of("-s", server.baseUrl(), "-d", dir.toString()));
    all.addAll(List.of(args));
    return Cli.flags(all.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sequential", "threads", "processes", "virtual", "async"})
  void theCaFileSavesTheFlagsInEveryMode(String mode) throws IOException {
    Cli.Run run = flags("--mode", mode, "--cacert", certificate(), "BR", "CN", "IN");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("3 flags downloaded.");
    assertThat(dir.resolve("br.gif")).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sequential", "threads", "processes", "virtual", "async"})
  void insecureSavesTheFlagsInEveryModeWithOneWarning(String mode) {
    Cli.Run run = flags("--mode", mode, "-k", "BR", "CN", "IN");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("3 flags downloaded.");
    assertThat(run.err().lines().filter(line -> line.equals(TlsOptions.INSECURE_WARNING)))
        .hasSize(1);
  }

  @Test
  void withoutTrustTheRunSaysWhyAndWhatToDoInPlainWords() {
    Cli.Run run = flags("--mode", "threads", "BR", "CN", "IN");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CERTIFICATE);
    assertThat(run.out())
        .contains(
            "all 3 failed: certificate not trusted (self-signed or unknown CA) ("
                + server.baseUrl()
                + ") — trust its certificate with --cacert FILE, or skip the check with -k");
    assertThat(run.out() + run.err()).doesNotContain("PKIX", "sun.security", "Exception");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void oneUntrustedFlagGetsTheHintToo() {
    Cli.Run run = flags("BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CERTIFICATE);
    assertThat(run.out()).contains("--cacert FILE, or skip the check with -k");
  }

  @Test
  void aMissingCaFileIsAUsageError() {
    Cli.Run run = flags("--cacert", dir.resolve("nope.pem").toString(), "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines())
        .containsExactly(
            "flags: --cacert: " + dir.resolve("nope.pem") + ": no such file (see 'flags --help')");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aFileThatIsNotPemIsAUsageError() throws IOException {
    Path der = Files.write(dir.resolve("server.der"), new byte[] {0x30, (byte) 0x82, 1, 2});
    Cli.Run run = flags("--cacert", der.toString(), "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(der + ": not a PEM certificate file");
  }

  @Test
  void anUnreadableCaFileIsAUsageError() throws IOException {
    Cli.Run run = flags("--cacert", dir.toString(), "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(dir + " is a folder, not a PEM certificate file");
  }

  @Test
  void theEmbeddedServerSpeaksHttpsWithNoSetUp() throws IOException {
    Cli.Run run =
        Cli.flags("--server-tls", "-v", "-d", dir.toString(), "-m", "2", "BR", "CN", "IN", "US");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("EMBEDDED site: https://127.0.0.1:")
        .contains("4 flags downloaded.");
    assertThat(run.out().lines().filter(line -> line.startsWith("Protocol: ")))
        .containsExactly("Protocol: HTTP/1.1 over TLSv1.3, 2 connections, 2 TLS handshakes");
  }

  @Test
  void theJsonNamesProtocolAndTlsVersionAfterTheFlags() throws IOException {
    Cli.Run run = Cli.flags("--server-tls", "--format", "json", "-d", dir.toString(), "BR", "CN");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    assertThat(names.subList(names.indexOf("flags"), names.size()))
        .containsExactly("flags", "protocol", "tls_version", "connections", "tls_handshakes");
    assertThat(json.get("protocol").asText()).isEqualTo("http/1.1");
    assertThat(json.get("tls_version").asText()).isEqualTo("TLSv1.3");
    assertThat(json.get("tls_handshakes").asLong()).isEqualTo(json.get("connections").asLong());
  }

  @Test
  void serverTlsIsForTheEmbeddedServerOnly() {
    Cli.Run run = Cli.flags("--server-tls", "-s", "LOCAL", "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--server-tls is for the EMBEDDED server, not LOCAL");
  }
}
