package dev.flags.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.FlagResult;
import dev.flags.download.Mode;
import dev.flags.report.RunReport;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process pool with {@code --work} and {@code --gil}: real worker JVMs, each with its own lock,
 * doing the rounds the parent calibrated. A worker's intervals are checked only against its own.
 */
class WorkProcessesIT {
  private static FlagServer server;
  @TempDir Path dest;

  @BeforeAll
  static void startServer() throws Exception {
    server = FlagServer.start("127.0.0.1", 0, new GeneratedFlags());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void eachWorkerHasItsOwnLockAndEveryFlagTheSameWorkAsInThreads() throws Exception {
    Path threads = Files.createDirectory(dest.resolve("threads"));
    Path processes = Files.createDirectory(dest.resolve("processes"));
    RunReport reference =
        WorkInEveryModeTest.run(
            server.baseUrl(), Mode.THREADS, WorkInEveryModeTest.ROUNDS, false, threads);
    RunReport pool =
        WorkInEveryModeTest.run(
            server.baseUrl(), Mode.PROCESSES, WorkInEveryModeTest.ROUNDS, true, processes);

    assertThat(WorkInEveryModeTest.digests(pool)).isEqualTo(WorkInEveryModeTest.digests(reference));
    assertThat(pool.results())
        .extracting(r -> r.work().rounds())
        .containsOnly(WorkInEveryModeTest.ROUNDS);
    Map<String, List<FlagResult>> byWorker =
        pool.results().stream().collect(Collectors.groupingBy(FlagResult::worker));
    assertThat(byWorker.keySet()).allMatch(worker -> worker.startsWith("pid-"));
    byWorker.forEach(
        (worker, results) ->
            assertThat(Intervals.overlapping(results, FlagResult::work, FlagResult::cc))
                .as("flags of %s whose computations overlap", worker)
                .isEmpty());
  }
}
