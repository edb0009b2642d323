package dev.flags.cli;

import dev.flags.bench.Bench;
import dev.flags.bench.BenchChart;
import dev.flags.bench.BenchPlan;
import dev.flags.bench.BenchReport;
import dev.flags.bench.Cell;
import dev.flags.bench.SweepChart;
import dev.flags.bench.WorkSizes;
import dev.flags.country.Countries;
import dev.flags.download.Mode;
import dev.flags.engine.Launch;
import dev.flags.server.Chaos;
import dev.flags.server.Delay;
import dev.flags.tls.ServerTls;
import dev.flags.tls.TrustSettings;
import dev.flags.work.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flags bench}: runs a matrix of modes and concurrencies, and reports how long each took.
 */
@Command(
    addMethodSubcommands = false,
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    // "[OPTIONS]": the full synopsis breaks option syntax such as --modes=MODE[,MODE...].
    abbreviateSynopsis = true,
    header = BenchCommand.HEADER,
    description = {
      "Downloads the same flags with each mode and concurrency, one warm-up run and then --runs"
          + " measured runs each, every run into a fresh temporary folder, all in this JVM;"
          + " then reports the median, fastest and slowest time of each, flags per second,"
          + " speedup against sequential and efficiency against the ideal ceil(N / max_req) x"
          + " delay. Progress goes to stderr.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every measured run saved every flag (or found it absent: 404)",
      "1:some flag failed in a measured run (the errors column says where)",
      "2:bad command line; nothing was run",
      "23:the figures could not be written to stdout (full disk, closed stdout)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flags bench                                 every mode, 194 flags, 100 ms each",
      "  flags bench --modes sequential,threads --runs 3 --chart bench.png",
      "  flags bench --modes threads -m 1,4,16,64 -l 50 --format csv",
      "  flags bench -s http://127.0.0.1:8080/flags  against your own server",
      "  flags bench -l 20 --work 50 --gil both      CPU-bound, without and with a GIL",
      "  flags bench -l 20 --work 10,50,200 --gil both --chart sweep.png",
      "                                              where processes overtake threads",
      "  flags bench --tls                           over HTTPS, counting handshakes"
    })
public final class BenchCommand implements Callable<Integer> {
  /** The line {@code flags --help} lists it with (read there without building this model). */
  static final String HEADER =
      "Times each mode and concurrency over several runs: a table, JSON, CSV, a chart.";

  /** The embedded server's delay when none is given: enough for waits to dominate. */
  static final int DEFAULT_DELAY_MS = 100;

  @Spec private CommandSpec spec;
  @Mixin private CodeOptions codeOptions;
  @Mixin private ServerOptions serverOptions;
  @Mixin private TlsOptions tlsOptions;

  @Option(
      names = "--tls",
      description =
          "The embedded server speaks HTTPS, with a certificate made at start-up: what a"
              + " handshake per connection costs each mode. The table then counts connections and"
              + " TLS handshakes per run.")
  private boolean tls;

  @Option(
      names = "--modes",
      paramLabel = "MODE",
      split = ",",
      converter = DownloadOptions.ModeConverter.class,
      completionCandidates = DownloadOptions.ModeConverter.class,
      description = "Modes to measure, comma-separated (default: all: ${COMPLETION-CANDIDATES}).")
  private List<Mode> modes = new ArrayList<>();

  @Option(
      names = {"-m", "--max-req"},
      paramLabel = "N",
      split = ",",
      description =
          "Concurrencies to measure each mode with, comma-separated, e.g. 1,4,16,64 (default:"
              + " each mode's own; sequential always uses 1).")
  private List<Integer> maxReqs = new ArrayList<>();

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "5",
      description = "Measured runs per mode and concurrency, after one warm-up (default: 5).")
  private int runs;

  @Option(
      names = "--delay",
      paramLabel = "MS",
      description =
          "Fixed delay the embedded server adds to every response (default: "
              + DEFAULT_DELAY_MS
              + ", or 0 with --work; 0 for none). Only with the embedded server: another server's delay is"
              + " its own, and efficiency is not shown.")
  private Integer delayMs;

  @Option(
      names = "--work",
      paramLabel = WorkOptions.WORK_LABEL,
      split = ",",
      converter = WorkOptions.WorkConverter.class,
      description =
          "CPU work for each flag after its download, about MS ms (see 'flags --help'); the"
              + " rounds are calibrated once for the whole bench. Makes the default --delay 0:"
              + " CPU-bound runs. Several sizes, e.g. 10,50,200: the whole matrix at each, and"
              + " where processes overtake threads; --chart then draws time against work.")
  private List<Duration> works = new ArrayList<>();

  @Option(
      names = "--gil",
      paramLabel = "WHEN",
      arity = "0..1",
      defaultValue = "off",
      converter = GilChoiceConverter.class,
      preprocessor = BareGilMeansOn.class,
      completionCandidates = GilChoiceConverter.class,
      description =
          "A CPython-like lock per process around each flag's work: off, on, or both (each"
              + " cell twice, without and with it); --gil alone: on (default: ${DEFAULT-VALUE}).")
  private GilChoice gil;

  @Option(
      names = "--chart",
      paramLabel = "FILE",
      description =
          "Also draw the medians as a bar chart with min-max whiskers into FILE (.png, .svg or"
              + " .html), the process pool's worker start-up as its own segment; with several"
              + " --work sizes, a line chart of time against work with the break-even marked.")
  private String chart;

  @Mixin private FormatOptions formatOptions;

  @Override
  public Integer call() {
    // Validate everything before starting a server or a run.
    List<String> codes = codeOptions.codes(Countries.allCodes());
    ServerChoice server = serverOptions.choice();
    List<Mode> chosen =
        modes.isEmpty() ? Arrays.asList(Mode.values()) : List.copyOf(new LinkedHashSet<>(modes));
    for (int m : maxReqs) {
      if (m < 1) {
        throw usage("--max-req must be at least 1, not " + m);
      }
    }
    if (runs < 1 || runs > 1000) {
      throw usage("--runs must be from 1 to 1000, not " + runs);
    }
    if (delayMs != null && !server.embedded()) {
      throw usage("--delay is for the embedded server only, not " + server.label());
    }
    if (delayMs != null && (delayMs < 0 || delayMs > 60_000)) {
      throw usage("--delay must be from 0 to 60000 ms, not " + delayMs);
    }
    Optional<Path> chartPath =
        chart == null
            ? Optional.empty()
            : Optional.of(OutputOptions.chartFile(spec, "--chart", chart));
    List<Duration> sizes = works.stream().distinct().sorted().toList();
    long defaultDelay = sizes.stream().allMatch(Duration::isZero) ? DEFAULT_DELAY_MS : 0;
    Optional<Duration> delay =
        server.embedded()
            ? Optional.of(Duration.ofMillis(delayMs == null ? defaultDelay : delayMs))
            : Optional.empty();
    if (tls && !server.embedded()) {
      throw usage("--tls is for the embedded server, not " + server.label());
    }
    ServerTls serverTls = tls ? ServerTls.generated() : null;
    TrustSettings trust = tlsOptions.trust(EmbeddedTls.https(server, serverTls), System.getenv());
    List<Cell> cells = Cell.matrix(chosen, maxReqs, codes.size(), gil.locks());
    List<Workload> workloads = WorkSizes.calibrated(sizes, spec.commandLine().getErr());

    Chaos chaos = Chaos.NONE.withDelay(Delay.fixed(delay.map(Duration::toMillis).orElse(0L)));
    tlsOptions.warnIfInsecure(spec.commandLine().getErr());
    try (Launch launch = FlagsCommand.launch(server, chaos, serverTls, trust)) {
      BenchPlan plan =
          BenchPlan.builder()
              .cells(cells)
              .runs(runs)
              .codes(codes)
              .server(launch.label(), launch.baseUrl())
              .delay(delay)
              .workload(workloads.getFirst())
              .trust(launch.trust())
              .build();
      Path temp = Path.of(System.getProperty("java.io.tmpdir"));
      BenchReport report =
          new Bench(plan, launch, spec.commandLine().getErr(), temp).runAt(workloads);
      PrintWriter out = spec.commandLine().getOut();
      switch (formatOptions.format()) {
        case TEXT -> report.table(out);
        case JSON -> out.println(report.json());
        case CSV -> out.print(report.csv());
      }
      out.flush();
      chartPath.ifPresent(path -> drawChart(report, path));
      return report.anyErrors() ? ExitCodes.ERRORS : ExitCodes.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlagsException(ExitCodes.SIGINT, "interrupted");
    } catch (IOException e) {
      throw new FlagsException(ExitCodes.ERRORS, "bench failed: " + e.getMessage(), e);
    }
  }

  /** {@code --gil}: which cells get the lock. */
  enum GilChoice {
    OFF,
    ON,
    BOTH;

    /** Without the lock, with it, or both, in that order. */
    List<Boolean> locks() {
      return switch (this) {
        case OFF -> List.of(false);
        case ON -> List.of(true);
        case BOTH -> List.of(false, true);
      };
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code off}, {@code on}, {@code both}, in any case. */
  static final class GilChoiceConverter extends LabelConverter<GilChoice> {
    GilChoiceConverter() {
      super("--gil choice", GilChoice.values(), GilChoice::label);
    }
  }

  /**
   * {@code --gil} alone means {@code on}, as {@code flags --gil} does, also before the codes
   * ({@code --gil BR JP}), where picocli's optional value would take {@code BR} for it: a separate
   * next argument is {@code --gil}'s value only if it is a choice, or not a country code (then a
   * bad choice, said so by the converter).
   */
  static final class BareGilMeansOn implements IParameterPreprocessor {
    @Override
    public boolean preprocess(
        Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
      boolean separate = " ".equals(info.get("separator"));
      if (separate && (args.isEmpty() || !valueLike(args.peek()))) {
        args.push(GilChoice.ON.label());
      }
      return false; // picocli goes on: it takes the value on top of the stack
    }

    private static boolean valueLike(String next) {
      return !next.startsWith("-")
          && (Arrays.stream(GilChoice.values()).anyMatch(c -> c.label().equalsIgnoreCase(next))
              || !next.matches("[A-Za-z]{2}"));
    }
  }

  /** Says where the chart went on stderr: stdout may be a machine format. */
  private void drawChart(BenchReport report, Path path) {
    try {
      if (report.sweep().sweeps()) {
        SweepChart.write(report, path);
      } else {
        BenchChart.write(report, path);
      }
    } catch (IOException e) {
      throw new FlagsException(
          ExitCodes.ERRORS, "cannot write chart " + path + ": " + IoWords.of(e));
    }
    spec.commandLine().getErr().println("chart written to " + path);
    spec.commandLine().getErr().flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
