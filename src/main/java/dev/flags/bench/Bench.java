package dev.flags.bench;

import dev.flags.download.Mode;
import dev.flags.download.Parallelism;
import dev.flags.download.RunSpec;
import dev.flags.download.SaveRules;
import dev.flags.engine.Launch;
import dev.flags.engine.RunListener;
import dev.flags.http.RetryRules;
import dev.flags.outcome.Connections;
import dev.flags.report.RunReport;
import dev.flags.work.WorkRules;
import dev.flags.work.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs a {@link BenchPlan} in this JVM: for each cell one warm-up run, then the measured runs, each
 * into a fresh temporary folder that is deleted afterwards. Progress goes to the given writer
 * (stderr), one line per cell, growing as runs finish.
 */
public final class Bench {
  private final BenchPlan plan;
  private final Launch server;
  private final PrintWriter progress;
  private final Path tempParent;
  private final Supplier<Connections> serverCounts;

  /**
   * @param progress where progress lines go (stderr)
   * @param tempParent where the runs' temporary folders are made (the system's temp folder)
   */
  public Bench(BenchPlan plan, PrintWriter progress, Path tempParent) {
    this(
        plan,
        Launch.remote(plan.serverLabel(), plan.baseUrl()).trusting(plan.trust()),
        progress,
        tempParent);
  }

  /**
   * @param server where the plan's runs fetch from (the caller started and stops it)
   * @param progress where progress lines go (stderr)
   * @param tempParent where the runs' temporary folders are made (the system's temp folder)
   */
  public Bench(BenchPlan plan, Launch server, PrintWriter progress, Path tempParent) {
    this.plan = plan;
    this.server = server;
    this.progress = progress;
    this.tempParent = tempParent;
    this.serverCounts =
        server
            .embeddedServer()
            .<Supplier<Connections>>map(
                s -> () -> new Connections(s.connections(), s.handshakes(), null, null))
            .orElse(null);
  }

  /**
   * The plan once per work size, smallest first ({@code --work 10,50,200}), in one report: each
   * size's rows after the previous one's. One size: {@link #run()}.
   */
  public BenchReport runAt(List<Workload> sizes) throws InterruptedException, IOException {
    List<BenchReport> reports = new ArrayList<>();
    for (Workload size : sizes) {
      if (sizes.size() > 1) {
        progress.println("bench: " + size.time().toMillis() + " ms of work per flag");
      }
      reports.add(new Bench(plan.withWorkload(size), server, progress, tempParent).run());
    }
    return BenchReport.ofSizes(reports);
  }

  public BenchReport run() throws InterruptedException, IOException {
    Instant startedAt = Instant.now();
    Map<Cell, List<RunReport>> measured = new LinkedHashMap<>();
    Map<Cell, List<Connections>> counted = new LinkedHashMap<>();
    Path root = Files.createTempDirectory(tempParent, "flags-bench-");
    // Ctrl-C must not leave a folder of flags behind in /tmp.
    Thread cleanup = new Thread(() -> deleteQuietly(root), "flags-bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      for (Cell cell : plan.cells()) {
        List<Connections> counts = new ArrayList<>();
        measured.put(cell, measure(cell, root, counts));
        counted.put(cell, counts);
      }
    } finally {
      deleteQuietly(root);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs anyway
      }
    }
    Optional<Duration> sequential =
        measured.entrySet().stream()
            .filter(e -> e.getKey().mode() == Mode.SEQUENTIAL)
            .findFirst()
            .map(e -> BenchRow.median(e.getValue().stream().map(RunReport::elapsed).toList()));
    List<BenchRow> rows = new ArrayList<>();
    int cores = Runtime.getRuntime().availableProcessors();
    measured.forEach(
        (cell, runs) ->
            rows.add(
                BenchRow.of(
                    cell,
                    runs,
                    sequential,
                    plan.delay(),
                    plan.codes().size(),
                    plan.workload(),
                    cores)));
    return new BenchReport(
        plan.serverLabel(),
        plan.baseUrl(),
        plan.delay().map(Duration::toMillis).orElse(null),
        plan.codes().size(),
        plan.runs(),
        1,
        cores,
        Runtime.version().toString(),
        startedAt.toString(),
        rows,
        plan.workload().time().toMillis(),
        plan.workload().rounds(),
        serverCounts == null
            ? null
            : counted.entrySet().stream()
                .map(e -> ConnectionCount.of(e.getKey(), e.getValue()))
                .toList());
  }

  private List<RunReport> measure(Cell cell, Path root, List<Connections> counts)
      throws InterruptedException, IOException {
    progress.print("bench: " + cell.label() + ": warm-up");
    note(once(cell, root));
    progress.print("; runs");
    List<RunReport> runs = new ArrayList<>(plan.runs());
    for (int i = 0; i < plan.runs(); i++) {
      Connections before = serverCounts == null ? null : serverCounts.get();
      RunReport run = once(cell, root);
      if (before != null) {
        Connections after = serverCounts.get();
        counts.add(
            new Connections(
                after.opened() - before.opened(),
                after.handshakes() - before.handshakes(),
                null,
                null));
      }
      note(run);
      runs.add(run);
    }
    progress.println(" s");
    progress.flush();
    return runs;
  }

  /** {@code 0.812}, or {@code 0.812 (3 errors!)}: errors are never silent. */
  private void note(RunReport run) {
    progress.printf(Locale.ROOT, " %.3f", run.elapsed().toNanos() / 1e9);
    if (run.errors() > 0) {
      progress.print(" (" + run.errors() + (run.errors() == 1 ? " error!)" : " errors!)"));
    }
    progress.flush();
  }

  private RunReport once(Cell cell, Path root) throws InterruptedException, IOException {
    Path dest = Files.createTempDirectory(root, "run-");
    try {
      // Garbage left by the previous run is collected now, not during this one.
      System.gc();
      RunSpec spec =
          server.spec(
              plan.codes(),
              dest,
              new Parallelism(cell.mode(), cell.maxReq()),
              RetryRules.DEFAULTS.withTimeout(RetryRules.seconds(plan.timeoutSeconds())),
              SaveRules.DEFAULTS,
              new WorkRules(plan.workload(), cell.gil()));
      return server.run(spec, RunListener.NONE);
    } finally {
      delete(dest);
    }
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void deleteQuietly(Path folder) {
    try {
      delete(folder);
    } catch (IOException e) {
      // best effort: the folder is under the system's temp folder
    }
  }
}
