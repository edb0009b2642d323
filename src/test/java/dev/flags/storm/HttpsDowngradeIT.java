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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
    Outcome outcome = run(mode, "https://127.0.0.1:" + wireMock.httpsPort() + "/flags", "BR", "CN");

    assertThat(outcome.report().with("ok").keySet()).as(outcome.err()).containsExactly("CN");
    assertThat(outcome.report().with("error").get("BR").error())
        .isEqualTo("redirect from https to http refused");
    assertThat(
            wireMock
                .countRequestsMatching(getRequestedFor(urlEqualTo("/plain/br.gif")).build())
                .getCount())
        .isZero();
  }

  /**
   * A run from a plain http server sets up no TLS at first (see {@code TlsSibling}), yet a flag
   * redirected up to https arrives, over TLS, checked against the trust store given to the JVM.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRedirectFromHttpUpToHttpsIsFollowed(Mode mode) throws Exception {
    int hopsBefore = secureHops();
    Outcome outcome = run(mode, "http://127.0.0.1:" + wireMock.port() + "/flags", "ID", "CN");

    assertThat(outcome.report().with("ok").keySet())
        .as(outcome.err())
        .containsExactlyInAnyOrder("ID", "CN");
    assertThat(root.resolve("dest/id.gif")).hasBinaryContent(FlagStubs.gif("ID"));
    assertThat(secureHops()).isEqualTo(hopsBefore + 1);
  }

  /** A checked run's report, and its stderr for messages. */
  private record Outcome(Report report, String err) {}

  /**
   * Runs the launched {@code ./flags} in {@code mode} from {@code server} into {@code root/dest},
   * trusting the test's certificate; checks the storm's invariants and that no process is left.
   */
  private Outcome run(Mode mode, String server, String... codes) throws Exception {
    Path dest = root.resolve("dest");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--mode=" + mode.label(), "-s", server, "-d", dest.toString(), "--format", "json"));
    args.addAll(List.of(codes));
    ProcessBuilder launcher = LauncherIT.launcher(args.toArray(String[]::new));
    launcher
        .environment()
        .put(
            "FLAGS_JAVA_OPTS",
            "-Djavax.net.ssl.trustStore="
                + keystore
                + " -Djavax.net.ssl.trustStorePassword="
                + PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12");
    Resources before = Resources.now();
    Invariants invariants = Invariants.watch(root, dest);
    try (Launched flags = Launched.start(launcher)) {
      Cli.Run run = flags.await(Duration.ofSeconds(60));
      Report report = invariants.check(run);
      flags.assertNoProcessLeft(before);
      FIGURES.ran();
      return new Outcome(report, run.err());
    }
  }

  private static int secureHops() {
    return wireMock
        .countRequestsMatching(getRequestedFor(urlEqualTo("/secure/id.gif")).build())
        .getCount();
  }
}
