package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.testing.FlagStubs;
import dev.flags.testing.StreamText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM sent to a real {@code ./flags} process (the launcher {@code exec}s java, so
 * its pid is the JVM's) while slow WireMock answers keep its downloads in flight.
 */
class InterruptIT {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();

  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private Process process;

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "INT, threads, 130, interrupted",
    "TERM, threads, 143, terminated",
    "INT, sequential, 130, interrupted"
  })
  void aSignalStopsTheRunPrintsThePartialReportAndExitsWithItsCode(
      String signal, String mode, int exitCode, String word) throws Exception {
    stubs.ok("BR");
    List<String> slow = List.of("CN", "IN", "JP");
    for (String cc : slow) {
      stubs.stub(cc, FlagStubs.okGif(cc).withFixedDelay(60_000));
    }
    List<String> command =
        new ArrayList<>(
            List.of("./flags", "-s", stubs.baseUrl(), "-d", dest.toString(), "--mode", mode, "-v"));
    command.addAll(List.of("BR", "CN", "IN", "JP"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("FLAGS_NO_BUILD", "1");
    process = builder.start();
    process.getOutputStream().close();
    StreamText out = new StreamText(process.getInputStream());
    StreamText err = new StreamText(process.getErrorStream());

    // BR is saved and a slow flag is on the wire: the run is in flight.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> out.text().contains("BR OK") && stubs.requestsFor("CN") == 1);
    kill(signal, process.pid());

    assertThat(process.waitFor(30, TimeUnit.SECONDS))
        .as("ends long before the 60 s answers")
        .isTrue();
    assertThat(process.exitValue()).as(err.text()).isEqualTo(exitCode);
    await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("Elapsed time:"));
    assertThat(out.text())
        .contains("CN error: interrupted")
        .contains("  1 flag downloaded.\n  3 errors.\n");
    assertThat(err.text()).contains("flags: " + word + ": 3 of 4 flags unfinished");
    try (var files = Files.list(dest)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("br.gif"); // no temp
    }
    for (String cc : List.of("IN", "JP")) {
      assertThat(stubs.requestsFor(cc)).isLessThanOrEqualTo(1);
    }
  }

  private static void kill(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
