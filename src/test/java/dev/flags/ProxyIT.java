package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.testing.RecordingProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher behind a proxy named by the environment, as on a CI runner: every mode's requests,
 * process-pool workers' included, go through it, and {@code no_proxy} sends them around it.
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
}
