package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.tls.Certificates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flags serve --tls} and {@code flags --cacert} given the file it printed, end to end, as
 * child processes; curl's {@code CURL_CA_BUNDLE} read the same way; {@code --cert}/{@code --key}.
 */
class ServeTlsIT {
  @TempDir Path tmp;

  @Test
  void serveTlsPrintsItsCertificateWhichTheCaFileAndCurlsVariableTrust() throws Exception {
    Path log = tmp.resolve("serve.err");
    Process server =
        LauncherIT.launcher("serve", "--tls", "--port", "0").redirectError(log.toFile()).start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String url = out.readLine();
      assertThat(url).as(Files.readString(log)).matches("https://127\\.0\\.0\\.1:\\d+/flags");
      String cacertLine = out.readLine();
      assertThat(cacertLine).startsWith("cacert ");
      Path certificate = Path.of(cacertLine.substring("cacert ".length()));
      assertThat(Files.readString(certificate)).startsWith("-----BEGIN CERTIFICATE-----");

      LauncherIT.Result untrusted = LauncherIT.launch("-s", url, "-d", dir("a"), "BR");
      assertThat(untrusted.exitCode()).isEqualTo(60);
      assertThat(untrusted.out()).contains("certificate not trusted", "--cacert FILE");

      LauncherIT.Result trusted =
          LauncherIT.launch(
              "-s",
              url,
              "--cacert",
              certificate.toString(),
              "--mode",
              "processes",
              "-d",
              dir("b"),
              "BR",
              "CN",
              "IN");
      assertThat(trusted.exitCode()).as(trusted.err()).isZero();
      assertThat(trusted.out()).contains("3 flags downloaded.");

      LauncherIT.Result fromEnvironment =
          LauncherIT.launchWith(
              Map.of("CURL_CA_BUNDLE", certificate.toString()), "-s", url, "-d", dir("c"), "BR");
      assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();

      server.toHandle().destroy(); // SIGTERM
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isEqualTo(143);
      assertThat(certificate).as("removed when the server stops").doesNotExist();
      assertThat(Files.readString(log))
          .contains("flags serve: certificate in " + certificate)
          .contains("GET /flags/br/br.gif -> 200");
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void serveTakesItsOwnPemCertificateAndKey() throws Exception {
    Certificates.Issued issued =
        Certificates.selfSigned(
            Certificates.Subject.valid("test", List.of("127.0.0.1"), Duration.ofDays(1), true));
    Path cert = Files.writeString(tmp.resolve("cert.pem"), issued.pem());
    Path key =
        Files.writeString(tmp.resolve("key.pem"), Certificates.pem(issued.keyPair().getPrivate()));
    Process server =
        LauncherIT.launcher(
                "serve", "--cert", cert.toString(), "--key", key.toString(), "--port", "0", "-q")
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String url = out.readLine();
      assertThat(url).startsWith("https://");
      assertThat(out.readLine()).isEqualTo("cacert " + cert);
      LauncherIT.Result run =
          LauncherIT.launch("-s", url, "--cacert", cert.toString(), "-d", dir("d"), "BR");
      assertThat(run.exitCode()).as(run.err()).isZero();
    } finally {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private String dir(String name) {
    return tmp.resolve(name).toString();
  }
}
