package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.Mode;
import dev.flags.http.HttpClients;
import dev.flags.server.Chaos;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.testing.Cli;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3, load: {@code --every} code, many requests at once, ten runs in a row against one flag
 * server, in the mode built for it: {@code virtual -m 1000}, or {@code threads -m 200} in a build
 * without virtual threads. After the ten runs the descriptors and threads are back to their
 * starting counts, and the server still answers at once. The soak variant does fifty runs.
 */
class LoadTest {
  private static final Figures FIGURES = new Figures("load");

  @TempDir Path root;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  /** The mode and concurrency of the load: {@code virtual -m 1000} where the build has it. */
  static String[] load() {
    return Storm.mode("virtual").isPresent()
        ? new String[] {"--mode=virtual", "-m", "1000"}
        : new String[] {"--mode=" + Mode.THREADS.label(), "-m", "200"};
  }

  @Test
  void tenRunsInARowGiveBackEveryDescriptorAndThread() throws Exception {
    runs(10);
  }

  @Tag("soak")
  @Test
  void fiftyRunsInARow() throws Exception {
    runs(50);
  }

  private void runs(int count) throws Exception {
    try (FlagServer server =
        FlagServer.start("127.0.0.1", 0, new GeneratedFlags(), Chaos.NONE, FIGURES.log())) {
      Resources before = Storm.baseline();
      for (int i = 0; i < count; i++) {
        Path dest = root.resolve("run-" + i);
        Invariants invariants = Invariants.watch(root, dest);
        String[] load = load();
        Cli.Run run =
            Storm.flags(
                Duration.ofSeconds(60),
                load[0],
                load[1],
                load[2],
                "--every",
                "-s",
                server.baseUrl(),
                "-d",
                dest.toString(),
                "--format",
                "json");
        Report report = invariants.check(run);
        FIGURES.ran();
        assertThat(report.ok()).isEqualTo(194);
        assertThat(report.notFound()).isEqualTo(676 - 194);
      }
      before.awaitBack();
      assertResponsive(server);
    }
  }

  /** A new client gets a flag at once: the server has not run out of anything. */
  private static void assertResponsive(FlagServer server) throws Exception {
    OkHttpClient client = HttpClients.create(1, Duration.ofSeconds(2));
    try (Response response =
        client
            .newCall(new Request.Builder().url(server.baseUrl() + "/br/br.gif").build())
            .execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().bytes()).isEqualTo(Invariants.generated("BR"));
    } finally {
      HttpClients.shutdown(client);
    }
  }
}
