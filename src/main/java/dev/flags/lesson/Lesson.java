package dev.flags.lesson;

import dev.flags.download.Mode;
import dev.flags.download.ResultListener;
import dev.flags.download.SubmissionOrder;
import dev.flags.engine.Launch;
import dev.flags.report.RunReport;
import dev.flags.report.chart.TimelineChart;
import dev.flags.server.Chaos;
import dev.flags.server.Delay;
import dev.flags.work.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code flags lesson}: the chapter's experiments in order, each with one line saying what it shows
 * and one line per run with what was measured; every run's timeline goes into one folder.
 *
 * <ol>
 *   <li>I/O-bound: sequential against threads, on a server that takes 100 ms per answer;
 *   <li>the order of results: {@code Executor.map} ({@code --order submitted}) against {@code
 *       as_completed} ({@code --order completed}), on a server of random delays;
 *   <li>CPU-bound: threads against processes on flags that each need {@code work} of computing,
 *       without and with a lock like CPython's GIL.
 * </ol>
 */
public final class Lesson {
  /** The I/O-bound server's delay: as on a real network, waiting dominates. */
  static final Duration IO_DELAY = Duration.ofMillis(100);

  /** The order step's server: random delays, the same every time. */
  static final Delay ORDER_DELAY = new Delay(50, 800);

  static final long ORDER_SEED = 7;

  private final List<String> codes;
  private final Path folder;
  private final PrintWriter out;
  private long failures;

  /**
   * @param codes the flags every run downloads
   * @param folder where the pictures go (created if missing)
   * @param out where the lesson is told
   */
  public Lesson(List<String> codes, Path folder, PrintWriter out) {
    this.codes = List.copyOf(codes);
    this.folder = folder;
    this.out = out;
  }

  /** Failed flags over every run so far: a lesson measured on failures teaches nothing. */
  public long failures() {
    return failures;
  }

  /** Step 1: the same downloads one at a time, then all at once. */
  public void ioBound() throws InterruptedException, IOException {
    say(
        "1. I/O-bound work: each flag is %d ms of waiting for the server. Sequentially the"
            + " waits add up; threads wait together.",
        IO_DELAY.toMillis());
    try (Launch server = Launch.embedded(Chaos.NONE.withDelay(Delay.fixed(IO_DELAY.toMillis())))) {
      RunReport sequential = measure("1-io", LessonRun.io(Mode.SEQUENTIAL, 1), server);
      RunReport threads = measure("1-io", LessonRun.io(Mode.THREADS, codes.size()), server);
      say(
          "   -> threads were %.1fx faster on %d cores: the CPU was idle either way.",
          ratio(sequential, threads), Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * Step 2: one threaded run on a server of random delays, its results heard in both orders: as
   * they complete and as they were submitted.
   */
  public void order() throws InterruptedException, IOException {
    say(
        "2. Executor.map against as_completed (--order): the same run, its results taken in the"
            + " order of the codes or as they complete, from a server taking %d..%d ms.",
        ORDER_DELAY.minMs(), ORDER_DELAY.maxMs());
    try (Launch server = Launch.embedded(Chaos.NONE.withDelay(ORDER_DELAY).withSeed(ORDER_SEED))) {
      List<Double> completed = new ArrayList<>();
      List<Double> submitted = new ArrayList<>();
      long start = System.nanoTime();
      ResultListener inOrder = new SubmissionOrder(codes, result -> submitted.add(since(start)));
      ResultListener both =
          result -> {
            completed.add(since(start));
            inOrder.onResult(result);
          };
      RunReport run = run("2-order", LessonRun.io(Mode.THREADS, codes.size()), server, both);
      say(
          "   completed: first result after %.2f s; submitted: after %.2f s, when %s came (the"
              + " first code); all %d after %.2f s either way.",
          completed.getFirst(),
          submitted.getFirst(),
          codes.getFirst(),
          run.results().size(),
          completed.getLast());
      say(
          "   -> map hands results back in order, so one slow flag holds back those after it;"
              + " as_completed shows each as soon as it is there.");
    }
  }

  /**
   * Step 3: CPU-bound flags (the {@code workload} each, from a server without delay), with threads
   * and processes, without and with the lock.
   *
   * @param processes the worker JVMs of the process pool
   */
  public List<RunReport> cpuBound(Workload workload, int processes)
      throws InterruptedException, IOException {
    long rounds = workload.rounds();
    say(
        "3. CPU-bound work: after its download each flag needs ~%d ms of computing. Threads"
            + " share %d cores; with --gil they take turns, as in CPython; each process has its"
            + " own lock.",
        workload.time().toMillis(), Runtime.getRuntime().availableProcessors());
    List<RunReport> reports = new ArrayList<>();
    try (Launch server = Launch.embedded(Chaos.NONE)) {
      for (LessonRun run :
          List.of(
              LessonRun.cpu(Mode.SEQUENTIAL, 1, rounds, false),
              LessonRun.cpu(Mode.THREADS, codes.size(), rounds, false),
              LessonRun.cpu(Mode.THREADS, codes.size(), rounds, true),
              LessonRun.cpu(Mode.PROCESSES, processes, rounds, false),
              LessonRun.cpu(Mode.PROCESSES, processes, rounds, true))) {
        reports.add(measure("3-cpu", run, server));
      }
    }
    RunReport sequential = reports.get(0);
    say(
        "   -> threads: %.1fx sequential without the lock, %.1fx with it; processes: %.1fx"
            + " and %.1fx, start-up included. A GIL is why Python needs processes for CPU work.",
        ratio(sequential, reports.get(1)),
        ratio(sequential, reports.get(2)),
        ratio(sequential, reports.get(3)),
        ratio(sequential, reports.get(4)));
    return reports;
  }

  /** Runs and draws {@code run}, and prints one line of what it measured. */
  private RunReport measure(String step, LessonRun run, Launch server)
      throws InterruptedException, IOException {
    RunReport report = run(step, run, server, ResultListener.NONE);
    String startup =
        report.workerStartup().isZero()
            ? ""
            : String.format(
                Locale.ROOT, " (%.2f s starting workers)", seconds(report.workerStartup()));
    String errors = report.errors() == 0 ? "" : " (" + report.errors() + " errors!)";
    say("   %-26s %6.2f s%s%s", run.label(), seconds(report.elapsed()), startup, errors);
    return report;
  }

  private RunReport run(String step, LessonRun run, Launch server, ResultListener listener)
      throws InterruptedException, IOException {
    Files.createDirectories(folder);
    Path dest = Files.createTempDirectory("flags-lesson-");
    try {
      RunReport report = server.run(run.spec(server, codes, dest), listener::onResult);
      failures += report.errors();
      TimelineChart.write(report, folder.resolve(step + "-" + run.slug() + ".png"));
      return report;
    } finally {
      deleteFolder(dest);
    }
  }

  private static void deleteFolder(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(folder);
  }

  @SuppressWarnings("AnnotateFormatMethod") // its callers' formats are constants in this class
  private void say(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
    out.flush();
  }

  private static double ratio(RunReport baseline, RunReport run) {
    return seconds(baseline.elapsed()) / seconds(run.elapsed());
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
