package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.country.Countries;
import dev.flags.server.FlagGif;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flags serve} as a user runs it: a child process, stopped with SIGTERM. */
class ServeIT {
  @TempDir Path tmp;

  @Test
  void servesUntilSigtermForTheToolAndAnyClient() throws Exception {
    Path log = tmp.resolve("serve.err");
    Process server =
        LauncherIT.launcher("serve", "--port", "0", "--delay", "300", "--seed", "1")
            .redirectError(log.toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String url = out.readLine();
      assertThat(url).as(Files.readString(log)).matches("http://127\\.0\\.0\\.1:\\d+/flags");

      OkHttpClient client = new OkHttpClient();
      long start = System.nanoTime();
      try (Response response = get(client, url + "/br/br.gif")) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().bytes())
            .isEqualTo(FlagGif.generate(Countries.byCode("BR").orElseThrow()));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
      try (Response response = get(client, url + "/qq/qq.gif")) {
        assertThat(response.code()).isEqualTo(404);
      }

      LauncherIT.Result run = LauncherIT.launch("-s", url, "-a", "-d", tmp.resolve("d").toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("194 flags downloaded.");

      server.toHandle().destroy(); // SIGTERM, leaving our end of the pipes open
      assertThat(out.readLine()).as("nothing but the URL on stdout").isNull();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isEqualTo(143);
      assertThat(Files.readString(log))
          .contains("delay 300 ms, seed 1")
          .contains("GET /flags/br/br.gif -> 200 after 300 ms")
          .contains("GET /flags/qq/qq.gif -> 404 after 300 ms")
          .endsWith("flags serve: stopped\n");
    } finally {
      server.destroyForcibly();
    }
  }

  private static Response get(OkHttpClient client, String url) throws java.io.IOException {
    return client.newCall(new Request.Builder().url(url).build()).execute();
  }
}
