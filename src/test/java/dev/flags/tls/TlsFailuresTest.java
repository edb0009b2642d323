package dev.flags.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.DownloadOne;
import dev.flags.download.FlagResult;
import dev.flags.download.RunSpec;
import dev.flags.outcome.Cause;
import dev.flags.server.Chaos;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each TLS failure class against a real HTTPS flag server on 127.0.0.1 whose certificate the test
 * makes: its own cause, in plain words, and never retried.
 */
class TlsFailuresTest {
  private static final Certificates.Issued CA =
      Certificates.selfSigned(
          Certificates.Subject.valid("flags test CA", List.of(), Duration.ofDays(1), true));

  @TempDir Path dir;

  /** Downloads BR once from a server presenting {@code tls}, trusting {@code trust}. */
  private FlagResult fetch(ServerTls tls, TrustSettings trust) throws IOException {
    try (FlagServer server =
        FlagServer.start(
            "127.0.0.1", 0, new GeneratedFlags(), Chaos.NONE, RequestLog.IGNORE, tls)) {
      RunSpec spec =
          RunSpec.builder()
              .codes(List.of("BR"))
              .server("CUSTOM", server.baseUrl())
              .dest(dir)
              .retries(3)
              .backoffSeconds(0.001)
              .trust(trust)
              .build();
      try (DownloadOne one = DownloadOne.open(spec)) {
        return one.download("BR");
      }
    }
  }

  private TrustSettings trustingCa() throws IOException {
    Path file = dir.resolve("ca.pem");
    Files.writeString(file, CA.pem());
    return new TrustSettings(List.of(file.toString()), false);
  }

  private static ServerTls signedByCa(List<String> names, Instant notBefore, Instant notAfter) {
    return ServerTls.of(
        Certificates.signedBy(
            CA, new Certificates.Subject("flags test", names, notBefore, notAfter, false)));
  }

  private static void assertPlainWords(FlagResult result) {
    assertThat(result.attempts()).as("never retried").isEqualTo(1);
    assertThat(result.cause().orElseThrow().retryable()).isFalse();
    assertThat(result.cause().orElseThrow().text())
        .doesNotContain("sun.security", "PKIX", "Exception", "javax.", "java.");
  }

  @Test
  void aSelfSignedCertificateIsNotTrusted() throws IOException {
    FlagResult result = fetch(ServerTls.generated(), TrustSettings.SYSTEM);
    assertThat(result.cause()).contains(new Cause.Untrusted());
    assertThat(result.error()).isEqualTo("certificate not trusted (self-signed or unknown CA)");
    assertPlainWords(result);
  }

  @Test
  void aCertificateFromAnUnknownCaIsNotTrusted() throws IOException {
    Instant now = Instant.now();
    FlagResult result =
        fetch(
            signedByCa(List.of("127.0.0.1"), now.minusSeconds(60), now.plusSeconds(3600)),
            TrustSettings.SYSTEM);
    assertThat(result.cause()).contains(new Cause.Untrusted());
    assertPlainWords(result);
  }

  @Test
  void theCaFileMakesItsCertificatesTrusted() throws IOException {
    Instant now = Instant.now();
    FlagResult result =
        fetch(
            signedByCa(List.of("127.0.0.1"), now.minusSeconds(60), now.plusSeconds(3600)),
            trustingCa());
    assertThat(result.cause()).isEmpty();
    assertThat(result.bytes()).isPositive();
  }

  @Test
  void aCertificateForAnotherHostDoesNotMatch() throws IOException {
    Instant now = Instant.now();
    FlagResult result =
        fetch(
            signedByCa(List.of("flags.example"), now.minusSeconds(60), now.plusSeconds(3600)),
            trustingCa());
    assertThat(result.cause()).contains(new Cause.HostMismatch("127.0.0.1"));
    assertThat(result.error()).isEqualTo("certificate does not match the host name 127.0.0.1");
    assertPlainWords(result);
  }

  @Test
  void anExpiredCertificateSaysSo() throws IOException {
    Instant now = Instant.now();
    FlagResult result =
        fetch(
            signedByCa(
                List.of("127.0.0.1"),
                now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1))),
            trustingCa());
    assertThat(result.cause()).contains(new Cause.CertificateExpired(false));
    assertThat(result.error()).isEqualTo("certificate expired");
    assertPlainWords(result);
  }

  @Test
  void aCertificateNotYetValidSaysSo() throws IOException {
    Instant now = Instant.now();
    FlagResult result =
        fetch(
            signedByCa(
                List.of("127.0.0.1"), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))),
            trustingCa());
    assertThat(result.cause()).contains(new Cause.CertificateExpired(true));
    assertPlainWords(result);
  }

  @Test
  void aPlainHttpServerOnAnHttpsUrlIsAHandshakeFailure() throws IOException {
    try (FlagServer plain = FlagServer.start("127.0.0.1", 0, new GeneratedFlags())) {
      RunSpec spec =
          RunSpec.builder()
              .codes(List.of("BR"))
              .server("CUSTOM", plain.baseUrl().replace("http:", "https:"))
              .dest(dir)
              .retries(3)
              .backoffSeconds(0.001)
              .build();
      FlagResult result;
      try (DownloadOne one = DownloadOne.open(spec)) {
        result = one.download("BR");
      }
      assertThat(result.cause().orElseThrow()).isInstanceOf(Cause.Tls.class);
      assertThat(result.error())
          .isEqualTo(
              "TLS handshake failed: the server does not speak TLS on this port (plain HTTP?)");
      assertPlainWords(result);
    }
  }

  @Test
  void insecureSkipsEveryCheck() throws IOException {
    Instant now = Instant.now();
    FlagResult result =
        fetch(
            signedByCa(
                List.of("flags.example"),
                now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1))),
            new TrustSettings(List.of(), true));
    assertThat(result.cause()).isEmpty();
    assertThat(result.bytes()).isPositive();
  }
}
