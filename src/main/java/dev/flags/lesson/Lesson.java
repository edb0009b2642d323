package dev.flags.lesson;

import dev.flags.download.Mode;
import dev.flags.download.ResultListener;
import dev.flags.download.SubmissionOrder;
import dev.flags.engine.Launch;
import dev.flags.lesson.CpuFindings.Timing;
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
 *   <li>CPU-bound: threads against processes on flags that each need some computing, without and
 *       with a lock like CPython's GIL; what the process pool costs apart from the work, and the
 *       work per flag above which it pays off ({@link CpuFindings}).
 * </ol>
 */
public final class Lesson {
  /** The I/O-bound server's delay: as on a real network, waiting dominates. */
  static final Duration IO_DELAY = Duration.ofMillis(100);

  /** The order step's server: random delays, the same every time. */
  static final Delay ORDER_DELAY = new Delay(50, 800);

  static final long ORDER_SEED = 7;

  /** The least CPU work per flag step 3 chooses: the chapter's point needs work to be seen. */
  static final Duration LEAST_WORK = Duration.ofMillis(100);

  /** The most step 3 chooses: five runs of 20 flags, about 30 s, even on a slow machine. */
  static final Duration MOST_WORK = Duration.ofMillis(400);

  /** How a run without work is labelled in step 3. */
  private static final String IDLE = ", no work";

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
   * Step 3: CPU-bound flags (from a server without delay), with threads and processes, without and
   * with the lock; first the runs with the lock and no work, which price the pool apart from the
   * work, and from which the work per flag is chosen unless given.
   *
   * @param work the CPU work per flag, or null to choose one at which processes should pay off
   * @param processes the worker JVMs of the process pool
   */
  public CpuFindings cpuBound(Duration work, int processes)
      throws InterruptedException, IOException {
    int cores = Runtime.getRuntime().availableProcessors();
    say(
        "3. CPU-bound work: after its download each flag needs some computing. Threads share %d"
            + " cores; with --gil they take turns, as in CPython; each process has its own lock,"
            + " but must first start a JVM of its own. First the price of that, without work:",
        cores);
    try (Launch server = Launch.embedded(Chaos.NONE)) {
      Timing threadsIdle =
          timing(measure("3-cpu", cpu(Mode.THREADS, Workload.NONE, true), server, IDLE));
      Timing processesIdle =
          timing(
              measure(
                  "3-cpu",
                  LessonRun.cpu(Mode.PROCESSES, processes, Workload.NONE, true),
                  server,
                  IDLE));
      long workMillis =
          work != null
              ? work.toMillis()
              : CpuFindings.workToShow(
                  threadsIdle,
                  processesIdle,
                  codes.size(),
                  processes,
                  LEAST_WORK.toMillis(),
                  MOST_WORK.toMillis());
      long start = System.nanoTime();
      Workload workload = Workload.calibrated(Duration.ofMillis(workMillis));
      say(
          "   Then with ~%d ms of computing per flag%s (calibrated in %.2f s: %d rounds of CRC-32C):",
          workMillis,
          work != null ? "" : ", a size at which processes should pay off here",
          since(start),
          workload.rounds());
      List<Timing> timings = new ArrayList<>();
      for (LessonRun run :
          List.of(
              LessonRun.cpu(Mode.SEQUENTIAL, 1, workload, false),
              cpu(Mode.THREADS, workload, false),
              cpu(Mode.THREADS, workload, true),
              LessonRun.cpu(Mode.PROCESSES, processes, workload, false),
              LessonRun.cpu(Mode.PROCESSES, processes, workload, true))) {
        timings.add(timing(measure("3-cpu", run, server, "")));
      }
      CpuFindings findings =
          new CpuFindings(
              cores,
              processes,
              workMillis,
              timings.get(0),
              timings.get(1),
              timings.get(2),
              timings.get(3),
              timings.get(4),
              threadsIdle,
              processesIdle);
      findings.lines().forEach(this::say);
      return findings;
    }
  }

  /** A threaded CPU-bound run: a thread per flag, as in step 1. */
  private LessonRun cpu(Mode mode, Workload workload, boolean gil) {
    return LessonRun.cpu(mode, codes.size(), workload, gil);
  }

  private static Timing timing(RunReport report) {
    return new Timing(seconds(report.elapsed()), seconds(report.workerStartup()));
  }

  /** Runs and draws {@code run}, and prints one line of what it measured. */
  private RunReport measure(String step, LessonRun run, Launch server)
      throws InterruptedException, IOException {
    return measure(step, run, server, "");
  }

  /** The same, the run's label followed by {@code note}. */
  private RunReport measure(String step, LessonRun run, Launch server, String note)
      throws InterruptedException, IOException {
    RunReport report =
        run(step + (note.isEmpty() ? "" : "-idle"), run, server, ResultListener.NONE);
    String startup =
        report.workerStartup().isZero()
            ? ""
            : String.format(
                Locale.ROOT, " (%.2f s starting workers)", seconds(report.workerStartup()));
    String errors = report.errors() == 0 ? "" : " (" + report.errors() + " errors!)";
    say("   %-30s %6.2f s%s%s", run.label() + note, seconds(report.elapsed()), startup, errors);
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
