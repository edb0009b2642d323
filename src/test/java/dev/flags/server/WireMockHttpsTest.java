package dev.flags.server;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.flags.cli.ExitCodes;
import dev.flags.testing.Cli;
import dev.flags.tls.Certificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/https.md's CI recipe over HTTPS, against a real WireMock: the export with {@code --tls}
 * gives WireMock's {@code --https-port} a keystore and {@code flags --cacert} its certificate.
 * WireMock's own built-in certificate names no host, so only {@code -k} gets past it.
 */
class WireMockHttpsTest {
  @TempDir Path dir;

  private static WireMockServer start(WireMockConfiguration config) {
    WireMockServer server = new WireMockServer(config.dynamicPort().dynamicHttpsPort());
    server.start();
    return server;
  }

  @Test
  void theExportsKeystoreServesHttpsThatTheCaFileTrusts() {
    Path wm = dir.resolve("wm");
    Cli.Run export = Cli.flags("serve", "--export-wiremock", wm.toString(), "--tls");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out())
        .contains("--https-keystore " + wm.resolve(WireMockExport.KEYSTORE))
        .contains("flags --cacert " + wm.resolve(WireMockExport.CERTIFICATE));
    WireMockServer server =
        start(
            wireMockConfig()
                .usingFilesUnderDirectory(wm.toString())
                .keystorePath(wm.resolve(WireMockExport.KEYSTORE).toString())
                .keystoreType("PKCS12")
                .keystorePassword(WireMockExport.KEYSTORE_PASSWORD)
                .keyManagerPassword(WireMockExport.KEYSTORE_PASSWORD));
    try {
      for (String host : new String[] {"localhost", "127.0.0.1"}) {
        Cli.Run run =
            Cli.flags(
                "-s",
                "https://" + host + ":" + server.httpsPort() + "/flags",
                "--cacert",
                wm.resolve(WireMockExport.CERTIFICATE).toString(),
                "-d",
                dir.resolve(host).toString(),
                "BR",
                "CN");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(dir.resolve(host).resolve("br.gif")).exists();
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void wireMocksBuiltInCertificateNamesNoHostSoOnlyInsecureWorks() throws Exception {
    Path wm = dir.resolve("wm");
    WireMockExport.write(new GeneratedFlags(), Delay.NONE, wm);
    WireMockServer server = start(wireMockConfig().usingFilesUnderDirectory(wm.toString()));
    try {
      // What 'openssl s_client -showcerts' prints: the certificate WireMock presents.
      Path pem = Files.writeString(dir.resolve("wiremock.pem"), presented(server.httpsPort()));
      String url = "https://localhost:" + server.httpsPort() + "/flags";
      Cli.Run trusted =
          Cli.flags("-s", url, "--cacert", pem.toString(), "-d", dir.toString(), "BR", "CN");
      assertThat(trusted.exitCode()).isEqualTo(ExitCodes.CERTIFICATE);
      assertThat(trusted.out())
          .contains("all 2 failed: certificate does not match the host name localhost");
      Cli.Run insecure = Cli.flags("-s", url, "-k", "-d", dir.toString(), "BR", "CN");
      assertThat(insecure.exitCode()).as(insecure.err()).isZero();
    } finally {
      server.stop();
    }
  }

  /** The PEM of the certificate a server on {@code port} presents, checked against nothing. */
  private static String presented(int port) throws IOException, GeneralSecurityException {
    X509TrustManager anyone =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {anyone}, null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      return Certificates.pem(socket.getSession().getPeerCertificates()[0]);
    }
  }
}
