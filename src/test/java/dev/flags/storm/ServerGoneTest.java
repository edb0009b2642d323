package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.Mode;
import dev.flags.server.Chaos;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
import dev.flags.testing.Cli;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 2, the server goes away mid-run: it is stopped when it has answered 40 requests (the
 * connections in flight are cut), and either stays away (every later connect is refused) or is
 * started again on the same port 300 ms later. In every mode.
 */
class ServerGoneTest {
  private static final Figures FIGURES = new Figures("server gone");
  private static final int STOP_AFTER = 40;
  private static final List<String> REASONS =
      List.of(
          "connection refused",
          "connection reset",
          "connection closed before the response",
          "body truncated (");

  @TempDir Path root;
  private final AtomicReference<FlagServer> server = new AtomicReference<>();
  private final AtomicReference<FlagServer> restarted = new AtomicReference<>();

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  @AfterEach
  void stopServers() {
    for (var ref : List.of(server, restarted)) {
      if (ref.get() != null) {
        ref.get().close();
      }
    }
  }

  /** A flag server on this port (0: any free one) that tells {@code log} of every request. */
  private FlagServer start(int port, Consumer<RequestLog> log) throws IOException {
    return FlagServer.start("127.0.0.1", port, new GeneratedFlags(), Chaos.NONE, log);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aServerThatStopsForGoodFailsTheRestAndNothingIsLost(Mode mode) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    server.set(
        start(
            0,
            FIGURES
                .log()
                .andThen(
                    entry -> {
                      if (requests.incrementAndGet() == STOP_AFTER) {
                        server.get().close(); // before this answer is written: it is cut too
                      }
                    })));
    Path dest = root.resolve("dest");
    Resources before = Storm.baseline();
    Invariants invariants = Invariants.watch(root, dest);
    Cli.Run run =
        Storm.flags(
            Duration.ofSeconds(60),
            "--mode=" + mode.label(),
            "-a",
            "-s",
            server.get().baseUrl(),
            "-d",
            dest.toString(),
            "--retries",
            "1",
            "--backoff",
            "0.001",
            "--format",
            "json");
    Report report = invariants.check(run);
    before.awaitBack();
    FIGURES.ran();
    FIGURES.injected("server stopped", 1);

    assertThat(report.ok()).isLessThanOrEqualTo(STOP_AFTER); // it answered STOP_AFTER, then stopped
    assertThat(report.errors()).isGreaterThanOrEqualTo(194 - STOP_AFTER);
    assertThat(report.errorReasons()).containsKey("connection refused");
    assertThat(report.errorReasons().keySet())
        .allMatch(reason -> REASONS.stream().anyMatch(reason::startsWith));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aServerThatComesBackIsRetriedUntilEveryFlagArrives(Mode mode) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    AtomicReference<Throwable> restartFailure = new AtomicReference<>();
    server.set(
        start(
            0,
            FIGURES
                .log()
                .andThen(
                    entry -> {
                      if (requests.incrementAndGet() != STOP_AFTER) {
                        return;
                      }
                      int port = server.get().port();
                      server.get().close();
                      // Down for 300 ms: the outage itself, not a wait for anything.
                      var unused =
                          CompletableFuture.runAsync(
                              () -> {
                                try {
                                  restarted.set(start(port, FIGURES.log()));
                                } catch (IOException e) {
                                  restartFailure.set(e);
                                }
                              },
                              CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
                    })));
    Path dest = root.resolve("dest");
    Resources before = Storm.baseline();
    Invariants invariants = Invariants.watch(root, dest);
    Cli.Run run =
        Storm.flags(
            Duration.ofSeconds(60),
            "--mode=" + mode.label(),
            "-a",
            "-s",
            server.get().baseUrl(),
            "-d",
            dest.toString(),
            "--retries",
            "6",
            "--backoff",
            "0.05",
            "--format",
            "json");
    Report report = invariants.check(run);
    assertThat(restartFailure.get()).isNull();
    restarted.get().close();
    before.awaitBack();
    FIGURES.ran();
    FIGURES.injected("server stopped and restarted", 1);

    assertThat(report.ok()).as("errors: %s", report.errorReasons()).isEqualTo(194);
    assertThat(report.flags()).anyMatch(flag -> flag.attempts() > 1);
  }
}
