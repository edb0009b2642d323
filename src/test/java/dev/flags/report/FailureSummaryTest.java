package dev.flags.report;

import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.cli.ExitCodes;
import dev.flags.testing.Cli.Run;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** When every flag, or most, failed for one reason, the report says it once. */
class FailureSummaryTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);

  /** A port on 127.0.0.1 that nobody listens on: it was free a moment ago, and is closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void everyFlagRefusedIsSaidOnceWithTheServer() throws IOException {
    String base = "http://127.0.0.1:" + closedPort() + "/flags";
    Run run = flags("-s", base, "-d", dest.toString(), "--retries", "0", "-l", "3");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out())
        .contains(
            "  3 errors.\nall 3 failed: connection refused ("
                + base
                + ") — is a server running? Try 'flags serve --book'\nElapsed time: ");
  }

  @Test
  void onlyARefusedConnectionGetsTheServerHint() {
    stubs.status("CN", 503);
    stubs.status("JP", 503);
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--retries", "0", "CN", "JP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out())
        .contains("all 2 failed: HTTP 503 Service Unavailable (" + stubs.baseUrl() + ")\n")
        .doesNotContain("is a server running?");
  }

  @Test
  void mostErrorsForOneReasonAreSaidOnce() {
    stubs.ok("BR");
    stubs.status("CN", 503);
    stubs.status("JP", 503);
    stubs.status("US", 418);
    Run run =
        flags(
            "-s", stubs.baseUrl(), "-d", dest.toString(), "--retries", "0", "BR", "CN", "JP", "US");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out())
        .contains(
            "  3 errors.\n2 of 3 errors: HTTP 503 Service Unavailable (" + stubs.baseUrl() + ")\n");
  }

  @Test
  void noReasonForMostIsNoSummary() {
    stubs.status("CN", 503);
    stubs.status("US", 418);
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--retries", "0", "CN", "US");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out()).contains("  2 errors.\nElapsed time: ").doesNotContain("failed:");
  }
}
