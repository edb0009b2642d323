package dev.flags.cli;

import dev.flags.download.Parallelism;
import dev.flags.download.RunSpec;
import dev.flags.download.SaveRules;
import dev.flags.engine.Engine;
import dev.flags.engine.Launch;
import dev.flags.http.RetryRules;
import dev.flags.outcome.Cause;
import dev.flags.report.OutputFormat;
import dev.flags.report.Progress;
import dev.flags.report.RunReport;
import dev.flags.report.RunSchema;
import dev.flags.report.TextReport;
import dev.flags.report.chart.TimelineChart;
import dev.flags.server.Chaos;
import dev.flags.store.FlagStore;
import dev.flags.tls.ServerTls;
import dev.flags.tls.TrustSettings;
import dev.flags.work.WorkRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flags}: downloads flags with the chosen strategy and prints the book's report. */
@Command(
    // No command has methods as subcommands: every command skips the scan (a start-up lever).
    addMethodSubcommands = false,
    name = "flags",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    // "[OPTIONS]": the full synopsis breaks option syntax such as
    // --server-fault=NAME:P[,NAME:P...].
    abbreviateSynopsis = true,
    description = {
      "Downloads country flags over HTTP, sequentially or concurrently, and reports how long it"
          + " took: the Fluent Python \"web downloads in three styles\" example on the JVM.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every flag was saved or is known not to exist (404)",
      "1:at least one flag failed (an error, or unfinished at --deadline)",
      "2:bad command line; nothing was downloaded",
      "23:the report could not be written to stdout (full disk, closed stdout)",
      "60:every failed flag failed on the server's TLS certificate",
      "130:interrupted by Ctrl-C (SIGINT); the partial report is printed",
      "143:terminated by SIGTERM; the partial report is printed"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flags                        the 20 most populous, from the embedded server",
      "  flags --mode=sequential -a   all 194 countries, one at a time",
      "  flags -m 4 -v B C            BA..BZ and CA..CZ, 4 at a time, a line per flag",
      "  flags --mode=processes -v -a all 194, a worker JVM per core",
      "  flags --mode=virtual -v --order=submitted",
      "                               -v lines in the order of the codes",
      "  flags -s DELAY -l 10         the first 10 codes, from the book's DELAY server",
      "  flags --format json          the report as one JSON object (or csv)",
      "  flags -m 4 --timeline t.svg  a Gantt chart of the run (.svg, .png, .html)",
      "  flags bench --runs 3         compare the modes (see 'flags bench --help')",
      "  flags -s ERROR --retries 4 --deadline 30",
      "                               retry failures up to 4 times, stop after 30 s",
      "  flags --metadata -a --skip-existing",
      "                               save as Brazil.gif..., skip flags already saved",
      "  flags -s http://127.0.0.1:8080/flags -d /tmp/f",
      "                               any server in the book's layout, into /tmp/f",
      "  flags --server-delay 500..5000 -a",
      "                               all 194 from an embedded server as slow as DELAY",
      "  flags -a --shard 2/3 --format json > 2.json",
      "                               the second of 3 parts of all 194; then",
      "  flags report merge 1.json 2.json 3.json",
      "                               the whole run's report",
      "  flags --work 100 -m 4 -v     each flag then computes for ~100 ms (CPU-bound)",
      "  flags --work 100 --gil --timeline gil.svg",
      "                               ... under a lock like CPython's GIL, drawn",
      "  flags lesson                 the chapter's experiments, explained and measured",
      "  flags serve --book           the book's LOCAL, DELAY and ERROR servers",
      "  flags --server-tls -v        over HTTPS, from an embedded server",
      "  flags --cacert ca.pem -s https://127.0.0.1:8443/flags",
      "                               trust ca.pem's certificates too (as curl)"
    })
public final class FlagsCommand implements Callable<Integer> {
  /** How old a save's temp file must be before a run takes it for a killed run's leftover. */
  private static final Duration STALE_TEMP_AGE = Duration.ofMinutes(10);

  @Spec private CommandSpec spec;
  @Mixin private CodeOptions codeOptions;
  @Mixin private ServerOptions serverOptions;
  @Mixin private EmbeddedServerOptions embeddedServerOptions;
  @Mixin private TlsOptions tlsOptions;
  @Mixin private DownloadOptions downloadOptions;
  @Mixin private RetryOptions retryOptions;
  @Mixin private SaveOptions saveOptions;
  @Mixin private WorkOptions workOptions;
  @Mixin private OutputOptions outputOptions;
  @Mixin private FormatOptions formatOptions;

  private final boolean handleSignals;

  public FlagsCommand() {
    this(false);
  }

  private FlagsCommand(boolean handleSignals) {
    this.handleSignals = handleSignals;
  }

  /** Runs {@code flags} with these arguments and returns its exit code; signals are not handled. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return CommandLines.execute(new FlagsCommand(false), out, err, args);
  }

  /**
   * Runs {@code flags} as the process's main command: Ctrl-C and SIGTERM during the downloads stop
   * them, print the partial report and exit 130 or 143 (a second one exits at once).
   */
  public static int executeAsMain(PrintWriter out, PrintWriter err, String... args) {
    return CommandLines.execute(new FlagsCommand(true), out, err, args);
  }

  /** The subcommands, in the order help lists them. Add new subcommands here. */
  public static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand("bench", BenchCommand.HEADER, BenchCommand::new, true),
          new Subcommand("lesson", LessonCommand.HEADER, LessonCommand::new, true),
          new Subcommand("serve", ServeCommand.HEADER, ServeCommand::new, false),
          new Subcommand("report", ReportCommand.HEADER, ReportCommand::new, false),
          new Subcommand(
              CompletionCommand.NAME, CompletionCommand.HEADER, CompletionCommand::new, false),
          Subcommand.help(),
          new Subcommand(WorkerCommand.NAME, null, WorkerCommand::new, true));

  /**
   * Whether a command line whose first argument is {@code first} downloads: the root command does,
   * and the subcommands that say so.
   */
  public static boolean downloads(String first) {
    for (Subcommand subcommand : SUBCOMMANDS) {
      if (subcommand.name().equals(first)) {
        return subcommand.downloads();
      }
    }
    return true;
  }

  /**
   * The whole command model: the root and every visible subcommand, as a user sees them. The
   * completion script and the man pages are generated from it, so they say what {@code --help}
   * says.
   */
  public static CommandLine model() {
    return CommandLines.withVisibleSubcommands(new CommandLine(new FlagsCommand()));
  }

  @Override
  public Integer call() {
    // Validate everything before touching the network or the disk (the destination comes last:
    // checking it creates it).
    List<String> codes = codeOptions.codes();
    ServerChoice server = serverOptions.choice();
    Chaos chaos = embeddedServerOptions.chaos(server);
    ServerTls serverTls = embeddedServerOptions.tls(server) ? ServerTls.generated() : null;
    TrustSettings trust = tlsOptions.trust(EmbeddedTls.https(server, serverTls), System.getenv());
    Parallelism parallelism = downloadOptions.parallelism(server.polite());
    RetryRules retry = retryOptions.rules();
    SaveRules save = saveOptions.rules();
    boolean verbose = outputOptions.verbose(); // checked against -q
    Optional<Path> timeline = outputOptions.timeline();
    OutputFormat format = formatOptions.format();
    Path dest = destination(verbose); // last: it creates the folder
    // Once, before the clock starts: every flag, in every worker, then does these rounds.
    long calibrating = System.nanoTime();
    WorkRules work = workOptions.rules();
    Duration calibration = Duration.ofNanos(System.nanoTime() - calibrating);
    tlsOptions.warnIfInsecure(spec.commandLine().getErr());
    try (Launch launch = launch(server, chaos, serverTls, trust)) {
      RunSpec run = launch.spec(codes, dest, parallelism, retry, save, work);
      // The book's header and -v lines: on stdout in text; with json/csv stdout carries only
      // that, so they go to stderr, and only with -v.
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter info =
          format == OutputFormat.TEXT ? out : verbose ? spec.commandLine().getErr() : null;
      if (info != null && !outputOptions.quiet()) {
        TextReport.header(
            info, launch.label(), launch.baseUrl(), codes, run.concurrency(), codeOptions.shard());
        TextReport.work(info, work.workload(), work.gil(), calibration);
      }
      Stopped stopped = run(launch.engine(run), info, codes);
      RunReport report = stopped.report();
      switch (format) {
        case TEXT -> TextReport.footer(out, report);
        case JSON -> out.println(RunSchema.json(report));
        case CSV -> out.print(RunSchema.csv(report));
      }
      if (verbose && info != null) {
        TextReport.workerStartup(info, report);
        TextReport.connections(info, report);
      }
      out.flush();
      timeline.ifPresent(path -> drawTimeline(report, path));
      stopped.throwIfSignalled(codes.size());
      return ExitCodes.of(report);
    }
  }

  /**
   * The destination, created if missing, with the temp files of a killed run removed; and the log
   * level that {@code -v} or {@code -q} asks for.
   */
  private Path destination(boolean verbose) {
    Path dest = downloadOptions.destination();
    int stale = FlagStore.removeStaleTempFiles(dest, STALE_TEMP_AGE);
    if (stale > 0 && !outputOptions.quiet()) {
      spec.commandLine()
          .getErr()
          .println("flags: removed " + stale + " temp file(s) an interrupted run left in " + dest);
    }
    if (verbose) {
      LogConfigurator.verbose();
    } else if (outputOptions.quiet()) {
      LogConfigurator.quiet();
    }
    return dest;
  }

  /** A run's report, and the signal that stopped it (0: none). */
  private record Stopped(RunReport report, int signal) {
    /** Ctrl-C or SIGTERM: its exit code, after the partial report. */
    void throwIfSignalled(int codes) {
      if (signal != 0) {
        throw new FlagsException(
            signal,
            (signal == ExitCodes.SIGTERM ? "terminated" : "interrupted")
                + ": "
                + report.count(Cause.Interrupted.class)
                + " of "
                + codes
                + " flags unfinished");
      }
    }
  }

  /** Runs the engine with the progress bar and, as the main command, the signal handlers. */
  private Stopped run(Engine engine, PrintWriter info, List<String> codes) {
    boolean bar = !outputOptions.verbose() && !outputOptions.quiet() && Progress.wanted();
    try (Progress progress = Progress.create(bar, codes.size());
        Signals signals =
            handleSignals
                ? Signals.install(engine::cancel, engine::removeTempFiles)
                : Signals.none()) {
      RunReport report =
          engine
              .run(RunLines.of(progress, outputOptions, info, spec.commandLine().getErr(), codes))
              .toBuilder()
              .shard(codeOptions.shard())
              .build();
      return new Stopped(report, signals.received());
    }
  }

  /**
   * The charting classes are loaded only when this runs: a plain run does not pay for them. Says
   * where the picture went on stderr (not with -q): stdout may be a machine format.
   */
  private void drawTimeline(RunReport report, Path path) {
    try {
      TimelineChart.write(report, path);
    } catch (IOException e) {
      throw new FlagsException(
          ExitCodes.ERRORS, "cannot write timeline " + path + ": " + IoWords.of(e));
    }
    if (!outputOptions.quiet()) {
      spec.commandLine().getErr().println("timeline written to " + path);
      spec.commandLine().getErr().flush();
    }
  }

  /**
   * The runs' server: the embedded one started on a free 127.0.0.1 port, behaving as {@code chaos},
   * or the one {@code server} names; speaking HTTPS with {@code tls} if not null, and trusted as
   * {@code trust} says.
   */
  static Launch launch(ServerChoice server, Chaos chaos, ServerTls tls, TrustSettings trust) {
    if (!server.embedded()) {
      return Launch.remote(server.label(), server.baseUrl()).trusting(trust);
    }
    try {
      return Launch.embedded(chaos, tls).trusting(EmbeddedTls.trusting(tls, trust));
    } catch (IOException e) {
      throw new FlagsException(
          ExitCodes.ERRORS, "cannot start the embedded flag server: " + e.getMessage(), e);
    }
  }
}
