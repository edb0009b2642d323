package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.testing.RecordingProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher behind a proxy named by the environment, as on a CI runner: every mode's requests,
 * process-pool workers' included, go through it, with the user and password the variable gives when
 * the proxy asks for them, and {@code no_proxy} sends them around it.
 */
class ProxyIT {
  private static final List<String> MODES =
      List.of("sequential", "threads", "processes", "virtual", "async");

  @TempDir Path tmp;

  /** {@code env -i PATH=$PATH [env...] ./flags args...}: only the variables given. */
  private static LauncherIT.Result flags(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./flags"));
    command.addAll(List.of(args));
    return LauncherIT.inBareEnvironment(env, command.toArray(String[]::new));
  }

  private static long gifs(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".gif")).count();
    }
  }

  @Test
  void everyModeGoesThroughHttpProxyAndVerboseNamesIt() throws Exception {
    for (String mode : MODES) {
      try (RecordingProxy proxy = RecordingProxy.start()) {
        Path dest = tmp.resolve(mode);
        LauncherIT.Result run =
            flags(
                Map.of("http_proxy", proxy.url()),
                "--mode",
                mode,
                "-v",
                "--metadata",
                "-l",
                "6",
                "-d",
                dest.toString());
        assertThat(run.exitCode()).as(mode + ": " + run.err()).isZero();
        assertThat(gifs(dest)).as(mode).isEqualTo(6);
        assertThat(proxy.requests())
            .as(mode)
            .hasSize(12)
            .allMatch(uri -> uri.matches("http://127\\.0\\.0\\.1:\\d+/flags/[a-z]{2}/.*"))
            .filteredOn(uri -> uri.endsWith(".gif"))
            .hasSize(6);
        assertThat(run.err())
            .as(mode)
            .containsPattern(
                "127\\.0\\.0\\.1:\\d+ through proxy "
                    + proxy.url().replace(".", "\\.")
                    + " \\(http_proxy\\)");
      }
    }
  }

  @Test
  void allProxyServesHttpAndUpperCaseHttpProxyIsIgnored() throws Exception {
    try (RecordingProxy all = RecordingProxy.start();
        RecordingProxy upper = RecordingProxy.start()) {
      LauncherIT.Result run =
          flags(
              Map.of("ALL_PROXY", all.url(), "HTTP_PROXY", upper.url()),
              "-l",
              "3",
              "-d",
              tmp.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(all.requests()).hasSize(3);
      assertThat(upper.requests()).isEmpty();
    }
  }

  @Test
  void jvmProxyPropertiesStillWinOverTheEnvironment() throws Exception {
    try (RecordingProxy explicit = RecordingProxy.start();
        RecordingProxy env = RecordingProxy.start()) {
      String port = explicit.url().substring(explicit.url().lastIndexOf(':') + 1);
      LauncherIT.Result run =
          flags(
              Map.of(
                  "http_proxy",
                  env.url(),
                  "FLAGS_JAVA_OPTS",
                  // nonProxyHosts emptied: by default the JDK exempts 127.*
                  "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=" + port + " -Dhttp.nonProxyHosts="),
              "--mode",
              "processes",
              "-m",
              "2",
              "-l",
              "4",
              "-d",
              tmp.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(explicit.requests()).hasSize(4);
      assertThat(env.requests()).isEmpty();
    }
  }

  @Test
  void noProxyGoesAround() throws Exception {
    for (String noProxy : List.of("127.0.0.1", "example.com,127.0.0.0/8", "*")) {
      try (RecordingProxy proxy = RecordingProxy.start()) {
        Path dest = tmp.resolve("d" + noProxy.length());
        LauncherIT.Result run =
            flags(
                Map.of("http_proxy", proxy.url(), "no_proxy", noProxy),
                "--mode",
                "processes",
                "-m",
                "2",
                "-v",
                "-l",
                "4",
                "-d",
                dest.toString());
        assertThat(run.exitCode()).as(noProxy + ": " + run.err()).isZero();
        assertThat(gifs(dest)).as(noProxy).isEqualTo(4);
        assertThat(proxy.requests()).as(noProxy).isEmpty();
        assertThat(run.err())
            .as(noProxy)
            .containsPattern("127\\.0\\.0\\.1:\\d+ directly \\(no_proxy\\)");
      }
    }
  }

  private static final String PASSWORD = "s3cr3t:pw@x";

  /** {@code http://al%40ice:s3cr3t%3Apw%40x@127.0.0.1:PORT}: curl's percent-encoded form. */
  private static String withCredentials(RecordingProxy proxy, String password) {
    String encoded = password.replace("%", "%25").replace(":", "%3A").replace("@", "%40");
    return proxy.url().replace("http://", "http://al%40ice:" + encoded + "@");
  }

  @Test
  void everyModeAuthenticatesToAProxyThatAsksWithTheEnvironmentsCredentials() throws Exception {
    for (String mode : MODES) {
      try (RecordingProxy proxy = RecordingProxy.requiring("al@ice", PASSWORD)) {
        Path dest = tmp.resolve(mode);
        LauncherIT.Result run =
            flags(
                Map.of("http_proxy", withCredentials(proxy, PASSWORD)),
                "--mode",
                mode,
                "--metadata",
                "-l",
                "6",
                "-d",
                dest.toString());
        assertThat(run.exitCode()).as(mode + ": " + run.err()).isZero();
        assertThat(gifs(dest)).as(mode).isEqualTo(6);
        assertThat(proxy.requests()).as(mode).hasSize(12);
      }
    }
  }

  @Test
  void thePasswordAppearsInNoOutput() throws Exception {
    try (RecordingProxy proxy = RecordingProxy.requiring("al@ice", PASSWORD)) {
      // Accepted, in every output form: -v lines, the JSON report, a worker's stderr.
      for (String mode : List.of("threads", "processes")) {
        LauncherIT.Result run =
            flags(
                Map.of("http_proxy", withCredentials(proxy, PASSWORD)),
                "--mode",
                mode,
                "-v",
                "--format",
                "json",
                "-l",
                "3",
                "-d",
                tmp.resolve(mode).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("through proxy " + proxy.url());
        assertNoSecret(run);
      }
      // Refused: a wrong password fails the downloads with the proxy's 407, named without it.
      LauncherIT.Result refused =
          flags(
              Map.of("http_proxy", withCredentials(proxy, "wr0ng-" + PASSWORD)),
              "-v",
              "--format",
              "json",
              "--retries",
              "0",
              "-l",
              "2",
              "-d",
              tmp.resolve("refused").toString());
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.out() + refused.err()).contains("407");
      assertThat(proxy.refused()).isPositive();
      assertNoSecret(refused);
    }
    // A setting that cannot be used is quoted in its warning, with the credentials hidden.
    LauncherIT.Result unusable =
        flags(
            Map.of("http_proxy", "ftp://al%40ice:" + PASSWORD + "@127.0.0.1:9"),
            "-l",
            "1",
            "-d",
            tmp.resolve("unusable").toString());
    assertThat(unusable.err()).contains("http_proxy=ftp://***@127.0.0.1:9");
    assertNoSecret(unusable);
  }

  private static void assertNoSecret(LauncherIT.Result run) {
    String basic =
        Base64.getEncoder().encodeToString(("al@ice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    for (String secret : List.of("s3cr3t", "al@ice:", "al%40ice:", basic)) {
      assertThat(run.out()).doesNotContain(secret);
      assertThat(run.err()).doesNotContain(secret);
    }
  }
}
