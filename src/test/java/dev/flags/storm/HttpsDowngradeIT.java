package dev.flags.storm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.flags.LauncherIT;
import dev.flags.download.Mode;
import dev.flags.testing.Cli;
import dev.flags.testing.FlagStubs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 7's https to http redirect, end to end: WireMock serves https with a certificate for
 * 127.0.0.1 made by keytool for this test, which the launched {@code ./flags} is told to trust
 * ({@code FLAGS_JAVA_OPTS}); its BR flag redirects to plain http. CN arrives over https (the trust
 * works), BR is refused without the http address ever being asked. In every mode.
 */
class HttpsDowngradeIT {
  private static final Figures FIGURES = new Figures("https downgrade");
  private static final String PASSWORD = "storm-test";

  @TempDir static Path keys;
  @TempDir Path root;
  private static WireMockServer wireMock;
  private static Path keystore;

  @BeforeAll
  static void serveHttps() throws Exception {
    keystore = keys.resolve("localhost.p12");
    Path keytool =
        Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    wireMock =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
    wireMock.start();
    String http = "http://127.0.0.1:" + wireMock.port();
    wireMock.stubFor(
        get(urlEqualTo("/flags/br/br.gif"))
            .willReturn(
                aResponse().withStatus(301).withHeader("Location", http + "/plain/br.gif")));
    wireMock.stubFor(get(urlEqualTo("/plain/br.gif")).willReturn(FlagStubs.okGif("BR")));
    wireMock.stubFor(get(urlEqualTo("/flags/cn/cn.gif")).willReturn(FlagStubs.okGif("CN")));
    String https = "https://127.0.0.1:" + wireMock.httpsPort();
    wireMock.stubFor(
        get(urlEqualTo("/flags/id/id.gif"))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", https + "/secure/id.gif")));
    wireMock.stubFor(get(urlEqualTo("/secure/id.gif")).willReturn(FlagStubs.okGif("ID")));
  }

  @AfterAll
  static void stop() {
    wireMock.stop();
    FIGURES.print();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRedirectFromHttpsDownToHttpIsRefused(Mode mode) throws Exception {
    Path dest = root.resolve("dest");
    ProcessBuilder launcher =
        LauncherIT.launcher(
            "--mode=" + mode.label(),
            "-s",
            "https://127.0.0.1:" + wireMock.httpsPort() + "/flags",
            "-d",
            dest.toString(),
            "--format",
            "json",
            "BR",
            "CN");
    trustTheTestCertificate(launcher);
    Resources before = Resources.now();
    Invariants invariants = Invariants.watch(root, dest);
    try (Launched flags = Launched.start(launcher)) {
      Cli.Run run = flags.await(Duration.ofSeconds(60));
      Report report = invariants.check(run);
      flags.assertNoProcessLeft(before);
      FIGURES.ran();

      assertThat(report.with("ok").keySet()).as(run.err()).containsExactly("CN");
      assertThat(report.with("error").get("BR").error())
          .isEqualTo("redirect from https to http refused");
      assertThat(
              wireMock
                  .countRequestsMatching(getRequestedFor(urlEqualTo("/plain/br.gif")).build())
                  .getCount())
          .isZero();
    }
  }

  /**
   * A run from a plain http server sets up no TLS at first (see {@code TlsSibling}), yet a flag
   * redirected up to https arrives, over TLS, checked against the trust store given to the JVM.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRedirectFromHttpUpToHttpsIsFollowed(Mode mode) throws Exception {
    Path dest = root.resolve("dest");
    ProcessBuilder launcher =
        LauncherIT.launcher(
            "--mode=" + mode.label(),
            "-s",
            "http://127.0.0.1:" + wireMock.port() + "/flags",
            "-d",
            dest.toString(),
            "--format",
            "json",
            "ID",
            "CN");
    trustTheTestCertificate(launcher);
    int hopsBefore = secureHops();
    Resources before = Resources.now();
    Invariants invariants = Invariants.watch(root, dest);
    try (Launched flags = Launched.start(launcher)) {
      Cli.Run run = flags.await(Duration.ofSeconds(60));
      Report report = invariants.check(run);
      flags.assertNoProcessLeft(before);
      FIGURES.ran();

      assertThat(report.with("ok").keySet()).as(run.err()).containsExactlyInAnyOrder("ID", "CN");
      assertThat(dest.resolve("id.gif")).hasBinaryContent(FlagStubs.gif("ID"));
      assertThat(secureHops()).isEqualTo(hopsBefore + 1);
    }
  }

  private static int secureHops() {
    return wireMock
        .countRequestsMatching(getRequestedFor(urlEqualTo("/secure/id.gif")).build())
        .getCount();
  }

  private static void trustTheTestCertificate(ProcessBuilder launcher) {
    launcher
        .environment()
        .put(
            "FLAGS_JAVA_OPTS",
            "-Djavax.net.ssl.trustStore="
                + keystore
                + " -Djavax.net.ssl.trustStorePassword="
                + PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12");
  }
}
