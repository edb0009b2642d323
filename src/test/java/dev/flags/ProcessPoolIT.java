package dev.flags;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.testing.FlagStubs;
import dev.flags.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The process pool of the packaged tool, run through the {@code ./flags} launcher. */
class ProcessPoolIT {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  @TempDir Path dir;
  private final FlagStubs stubs = new FlagStubs(wireMock);

  @Test
  void workersExitWithin2SecondsOfTheParentsKill9EvenMidDownload() throws Exception {
    stubs.stub("AR", aResponse().withStatus(200).withFixedDelay(60_000));
    stubs.stub("BR", aResponse().withStatus(200).withFixedDelay(60_000));
    ProcessBuilder builder =
        new ProcessBuilder(
            "./flags",
            "--mode=processes",
            "-m",
            "2",
            "-s",
            stubs.baseUrl(),
            "-d",
            dir.resolve("flags").toString(),
            "AR",
            "BR");
    builder.environment().put("FLAGS_NO_BUILD", "1");
    builder.redirectOutput(dir.resolve("out.txt").toFile());
    builder.redirectError(dir.resolve("err.txt").toFile());
    Process parent = builder.start();
    try {
      // Both workers are in the middle of a download.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> stubs.requestsFor("AR") + stubs.requestsFor("BR") == 2);
      List<ProcessHandle> workers = parent.toHandle().children().toList();
      assertThat(workers).hasSize(2);
      assertThat(workers)
          .allMatch(w -> w.info().commandLine().orElse("").contains("dev.flags.Main worker"));

      parent.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to stop the workers
      assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

      await()
          .atMost(Duration.ofSeconds(2))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> workers.stream().noneMatch(Processes::running));
    } finally {
      parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }
}
