package dev.flags.download.pool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.download.DownloadOne;
import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import dev.flags.download.Mode;
import dev.flags.download.RunSpec;
import dev.flags.testing.FlagStubs;
import dev.flags.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process pool with real worker JVMs (started from the test classpath) under the failures it
 * promises to survive: workers killed with {@code kill -9} mid-download, workers that answer
 * garbage or cannot start, and the caller's interruption. No run may hang or leave a worker alive.
 */
class ProcessPoolDownloaderTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();

  /** Long enough that a download is surely in flight when the test kills its worker. */
  private static final int SLOW_MS = 40_000;

  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private final List<FlagResult> heard = new CopyOnWriteArrayList<>();
  private final List<ProcessHandle> seen = new ArrayList<>();
  private Thread caller;
  private DownloadOne parent;

  private ProcessPoolDownloader pool(int workers, List<String> command) {
    RunSpec spec =
        RunSpec.builder()
            .mode(Mode.PROCESSES)
            .baseUrl(stubs.baseUrl())
            .dest(dest)
            .maxReq(workers)
            .timeoutSeconds(20)
            .build();
    parent = DownloadOne.open(spec);
    return new ProcessPoolDownloader(parent, spec, command);
  }

  /** The first request for {@code cc} gets {@code first}; every later one gets its GIF. */
  private byte[] okAfter(String cc, ResponseDefinitionBuilder first) {
    byte[] gif = FlagStubs.gif(cc);
    stubs.sequence(cc, first, aResponse().withStatus(200).withBody(gif));
    return gif;
  }

  private ProcessPoolDownloader pool(int workers) {
    return pool(workers, ProcessPoolDownloader.workerCommand());
  }

  /** The real workers' java command and classpath, running another main class. */
  private static List<String> workersRunning(String mainClass) {
    List<String> command = new ArrayList<>(ProcessPoolDownloader.workerCommand());
    command.subList(command.size() - 2, command.size()).clear(); // dev.flags.Main worker
    command.add(mainClass);
    return command;
  }

  /** Runs the pool on another thread, so the test can act while downloads are in flight. */
  private FutureTask<List<FlagResult>> start(ProcessPoolDownloader pool, String... codes) {
    FutureTask<List<FlagResult>> run =
        new FutureTask<>(
            () -> {
              pool.downloadMany(List.of(codes), heard::add);
              return List.copyOf(heard);
            });
    caller = Thread.ofPlatform().name("test-caller").start(run);
    return run;
  }

  /**
   * Worker JVMs started by this test JVM that are alive now: its descendants that run its own java
   * (the kernel shows a command line of a page at most, and a worker's ends with a class path
   * longer than that, so its main class is not always in it).
   */
  private List<ProcessHandle> liveWorkers() {
    Optional<String> java = ProcessHandle.current().info().command();
    List<ProcessHandle> workers =
        ProcessHandle.current()
            .descendants()
            .filter(p -> java.isPresent() && p.info().command().equals(java))
            .filter(Processes::running)
            .toList();
    seen.addAll(workers);
    return workers;
  }

  private List<ProcessHandle> killWorkers() {
    List<ProcessHandle> workers = liveWorkers();
    assertThat(workers).isNotEmpty();
    workers.forEach(ProcessHandle::destroyForcibly); // SIGKILL: kill -9
    return workers;
  }

  @AfterEach
  void noWorkerOutlivesItsRun() throws InterruptedException {
    if (caller != null && caller.isAlive()) {
      caller.interrupt(); // a failed test: stop its run, so its workers cannot disturb the next
      caller.join(Duration.ofSeconds(10));
    }
    if (parent != null) {
      parent.close();
    }
    // downloadMany waits for its workers to exit, so nothing may be alive by now.
    assertThat(liveWorkers()).isEmpty();
    assertThat(seen).noneMatch(Processes::running);
  }

  private static Map<String, FlagResult> byCode(List<FlagResult> results) {
    return results.stream().collect(Collectors.toMap(FlagResult::cc, Function.identity()));
  }

  @Test
  void aWorkerKilledMidDownloadHasItsCodeRetriedOnAnotherWorker() throws Exception {
    stubs.ok("AR");
    byte[] br = okAfter("BR", aResponse().withStatus(200).withFixedDelay(SLOW_MS));
    stubs.ok("CN");
    stubs.ok("DE");
    ProcessPoolDownloader pool = pool(2);
    FutureTask<List<FlagResult>> run = start(pool, "BR", "AR", "CN", "DE");

    // BR is in flight on one worker; every other code is done.
    await().atMost(Duration.ofSeconds(30)).until(() -> stubs.requestsFor("BR") == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == 3);
    // BR went first, to the first worker ready, which has been on it since: the silent one.
    List<String> reported = heard.stream().map(FlagResult::worker).toList();
    List<ProcessHandle> holdingBr =
        liveWorkers().stream().filter(p -> !reported.contains("pid-" + p.pid())).toList();
    assertThat(holdingBr).hasSize(1);
    holdingBr.getFirst().destroyForcibly(); // SIGKILL: kill -9

    Map<String, FlagResult> results = byCode(run.get(60, TimeUnit.SECONDS));
    assertThat(results.values()).allMatch(r -> r.status() == FlagStatus.OK);
    assertThat(results.get("BR").attempts()).isEqualTo(2);
    assertThat(results.get("BR").worker())
        .isIn(reported)
        .isNotEqualTo("pid-" + holdingBr.getFirst().pid());
    assertThat(dest.resolve("br.gif")).hasBinaryContent(br);
    assertThat(heard).hasSize(4);
    assertThat(pool.startupTime()).isPositive();
  }

  @Test
  void killingEveryWorkerAtOnceCostsNoCodeItsRetry() throws Exception {
    // The first death handed BR to the other worker, dead too but not yet known to be: that worker
    // never started BR, so BR goes on to a replacement with its retry intact.
    stubs.ok("AR");
    byte[] br = okAfter("BR", aResponse().withStatus(200).withFixedDelay(SLOW_MS));
    stubs.ok("CN");
    FutureTask<List<FlagResult>> run = start(pool(2), "AR", "BR", "CN");

    await().atMost(Duration.ofSeconds(30)).until(() -> stubs.requestsFor("BR") == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == 2);
    assertThat(killWorkers()).hasSize(2);

    Map<String, FlagResult> results = byCode(run.get(60, TimeUnit.SECONDS));
    assertThat(results.values()).allMatch(r -> r.status() == FlagStatus.OK);
    assertThat(dest.resolve("br.gif")).hasBinaryContent(br);
  }

  @Test
  void aFrozenWorkerIsStoppedAndItsCodeRetriedOnAnotherWorker() throws Exception {
    // 1 s per attempt, no retry: a healthy worker answers within 1 s, so after 1 s + the margin a
    // silent one is taken for frozen.
    RunSpec settings =
        RunSpec.builder()
            .mode(Mode.PROCESSES)
            .baseUrl(stubs.baseUrl())
            .dest(dest)
            .maxReq(1)
            .timeoutSeconds(1)
            .retries(0)
            .backoffSeconds(0.001)
            .maxRetryWaitSeconds(1)
            .maxBytes(1 << 20)
            .build();
    assertThat(Overdue.frozenAfter(settings))
        .isEqualTo(Duration.ofSeconds(1).plus(Overdue.FROZEN_MARGIN));
    parent = DownloadOne.open(settings);
    ProcessPoolDownloader pool =
        new ProcessPoolDownloader(parent, settings, ProcessPoolDownloader.workerCommand());
    // BR's first answer would come late: the worker is frozen while it waits.
    byte[] br = okAfter("BR", aResponse().withStatus(200).withFixedDelay(SLOW_MS));
    stubs.ok("CN");
    FutureTask<List<FlagResult>> run = start(pool, "CN", "BR");

    await().atMost(Duration.ofSeconds(30)).until(() -> stubs.requestsFor("BR") == 1);
    assertThat(heard).extracting(FlagResult::cc).containsExactly("CN"); // it worked until then
    List<ProcessHandle> frozen = liveWorkers();
    assertThat(frozen).hasSize(1);
    Process stop =
        new ProcessBuilder("kill", "-STOP", String.valueOf(frozen.getFirst().pid())).start();
    assertThat(stop.waitFor()).isZero();

    Map<String, FlagResult> results = byCode(run.get(60, TimeUnit.SECONDS));
    assertThat(results.values()).allMatch(r -> r.status() == FlagStatus.OK);
    assertThat(results.get("BR").worker()).isNotEqualTo("pid-" + frozen.getFirst().pid());
    assertThat(dest.resolve("br.gif")).hasBinaryContent(br);
    assertThat(frozen.getFirst().onExit()).succeedsWithin(Duration.ofSeconds(5));
  }

  @Test
  void aCodeWhoseWorkerDiesTwiceIsAnErrorAndTheRunGoesOn() throws Exception {
    stubs.ok("AR");
    stubs.stub("BR", aResponse().withStatus(200).withFixedDelay(SLOW_MS));
    stubs.ok("CN");
    FutureTask<List<FlagResult>> run = start(pool(1), "AR", "BR", "CN");

    await().atMost(Duration.ofSeconds(30)).until(() -> stubs.requestsFor("BR") == 1);
    killWorkers();
    // A replacement worker starts and tries BR again.
    await().atMost(Duration.ofSeconds(30)).until(() -> stubs.requestsFor("BR") == 2);
    killWorkers();

    Map<String, FlagResult> results = byCode(run.get(60, TimeUnit.SECONDS));
    assertThat(results.get("AR").status()).isEqualTo(FlagStatus.OK);
    assertThat(results.get("CN").status()).isEqualTo(FlagStatus.OK);
    assertThat(results.get("BR").status()).isEqualTo(FlagStatus.ERROR);
    assertThat(results.get("BR").error()).startsWith("worker died twice downloading it");
    assertThat(results.get("BR").attempts()).isEqualTo(2);
    assertThat(dest.resolve("cn.gif")).exists();
    assertThat(dest.resolve("br.gif")).doesNotExist();
  }

  @Test
  void aWorkerAnsweringGarbageFailsThatCodeNotTheRun() throws Exception {
    pool(2, workersRunning(GarbageWorker.class.getName()))
        .downloadMany(List.of("AR", "BR", "CN"), heard::add);
    List<FlagResult> results = heard;

    assertThat(results).hasSize(3);
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(FlagStatus.ERROR);
              assertThat(r.error()).startsWith("worker sent a bad result: 'garbage instead of ");
            });
  }

  @Test
  void workersThatCannotStartFailTheCodesInsteadOfHanging() throws Exception {
    pool(2, workersRunning("dev.flags.NoSuchMainClass"))
        .downloadMany(List.of("AR", "BR"), heard::add);
    List<FlagResult> results = heard;

    assertThat(results)
        .extracting(FlagResult::error)
        .containsOnly("no worker process could start (exit code 1)");
  }

  @Test
  void interruptingTheCallerStopsEveryWorker() throws Exception {
    stubs.stub("AR", aResponse().withStatus(200).withFixedDelay(SLOW_MS));
    stubs.stub("BR", aResponse().withStatus(200).withFixedDelay(SLOW_MS));
    FutureTask<List<FlagResult>> run = start(pool(2), "AR", "BR");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stubs.requestsFor("AR") + stubs.requestsFor("BR") == 2);
    assertThat(liveWorkers()).hasSize(2);
    caller.interrupt();

    assertThat(caller.join(Duration.ofSeconds(10))).isTrue();
    assertThatThrownBy(run::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(InterruptedException.class);
  }
}
