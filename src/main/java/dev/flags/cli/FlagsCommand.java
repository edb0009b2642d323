package dev.flags.cli;

import dev.flags.download.DownloadSettings;
import dev.flags.download.Mode;
import dev.flags.download.ResultListener;
import dev.flags.download.SubmissionOrder;
import dev.flags.report.OutputFormat;
import dev.flags.report.RunReport;
import dev.flags.report.RunSchema;
import dev.flags.report.TextReport;
import dev.flags.report.TimedRun;
import dev.flags.report.chart.TimelineChart;
import dev.flags.server.Chaos;
import dev.flags.server.FlagCatalog;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
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
    name = "flags",
    mixinStandardHelpOptions = true,
    subcommands = {BenchCommand.class, ServeCommand.class, WorkerCommand.class},
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Downloads country flags over HTTP, sequentially or concurrently, and reports how long it"
          + " took: the Fluent Python \"web downloads in three styles\" example on the JVM.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every flag was saved or is known not to exist (404)",
      "1:at least one flag failed",
      "2:bad command line; nothing was downloaded"
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
      "  flags -s http://127.0.0.1:8080/flags -d /tmp/f",
      "                               any server in the book's layout, into /tmp/f",
      "  flags --server-delay 500..5000 -a",
      "                               all 194 from an embedded server as slow as DELAY",
      "  flags serve --book           the book's LOCAL, DELAY and ERROR servers"
    })
public final class FlagsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private CodeOptions codeOptions;
  @Mixin private ServerOptions serverOptions;
  @Mixin private EmbeddedServerOptions embeddedServerOptions;
  @Mixin private DownloadOptions downloadOptions;
  @Mixin private OutputOptions outputOptions;
  @Mixin private FormatOptions formatOptions;

  /** Runs {@code flags} with these arguments and returns its exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new FlagsCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, argv) -> {
          // One line: what is wrong, and where to read more.
          String command = e.getCommandLine().getCommandSpec().qualifiedName();
          e.getCommandLine()
              .getErr()
              .println("flags: " + e.getMessage() + " (see '" + command + " --help')");
          e.getCommandLine().getErr().flush();
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof FlagsException failure) {
            commandLine.getErr().println("flags: " + failure.getMessage());
            commandLine.getErr().flush();
            return failure.exitCode();
          }
          throw e;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    // Validate everything before touching the network or the disk.
    List<String> codes = codeOptions.codes();
    ServerChoice server = serverOptions.choice();
    Chaos chaos = embeddedServerOptions.chaos(server);
    Mode mode = downloadOptions.mode();
    int maxReq = downloadOptions.maxReq(server.polite());
    Duration timeout = downloadOptions.timeout();
    Optional<Path> timeline = outputOptions.timeline();
    Path dest = downloadOptions.destination(); // last: it creates the folder
    OutputFormat format = formatOptions.format();
    if (outputOptions.verbose()) {
      LogConfigurator.verbose();
    }

    try (FlagServer embedded =
        server.embedded() ? startEmbedded(new GeneratedFlags(), chaos) : null) {
      String baseUrl = embedded != null ? embedded.baseUrl() : server.baseUrl();
      PrintWriter out = spec.commandLine().getOut();
      // The book's header and -v lines: on stdout in text; with json/csv stdout carries only
      // that, so they go to stderr, and only with -v.
      PrintWriter info =
          format == OutputFormat.TEXT
              ? out
              : outputOptions.verbose() ? spec.commandLine().getErr() : null;
      int concurrency = Math.min(maxReq, codes.size());
      if (info != null) {
        TextReport.header(info, server.label(), baseUrl, codes, concurrency);
      }
      RunReport report =
          run(mode, concurrency, server.label(), baseUrl, codes, dest, timeout, info);
      switch (format) {
        case TEXT -> TextReport.footer(out, report);
        case JSON -> out.println(RunSchema.json(report));
        case CSV -> out.print(RunSchema.csv(report));
      }
      if (outputOptions.verbose() && info != null) {
        TextReport.workerStartup(info, report);
      }
      out.flush();
      timeline.ifPresent(path -> drawTimeline(report, path));
      return report.errors() > 0 ? ExitCodes.ERRORS : ExitCodes.OK;
    }
  }

  /** The charting classes are loaded only when this runs: a plain run does not pay for them. */
  private static void drawTimeline(RunReport report, Path path) {
    try {
      TimelineChart.write(report, path);
    } catch (IOException e) {
      throw new FlagsException(ExitCodes.ERRORS, "cannot write timeline " + path + ": " + e);
    }
  }

  private RunReport run(
      Mode mode,
      int maxReq,
      String label,
      String baseUrl,
      List<String> codes,
      Path dest,
      Duration timeout,
      PrintWriter info) {
    DownloadSettings settings =
        new DownloadSettings(baseUrl, dest.toString(), maxReq, timeout.toNanos() / 1e9);
    try {
      return TimedRun.run(mode, settings, label, codes, verboseLines(info, codes));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlagsException(ExitCodes.SIGINT, "interrupted");
    }
  }

  /** With {@code -v}, a line per flag to {@code info}, in the order {@code --order} asks for. */
  private ResultListener verboseLines(PrintWriter info, List<String> codes) {
    if (!outputOptions.verbose() || info == null) {
      return ResultListener.NONE;
    }
    ResultListener print =
        result -> {
          info.println(TextReport.flagLine(result));
          info.flush();
        };
    return outputOptions.order() == OutputOptions.Order.SUBMITTED
        ? new SubmissionOrder(codes, print)
        : print;
  }

  /**
   * Starts a flag server for {@code catalog} on a free 127.0.0.1 port, behaving as {@code chaos}.
   */
  static FlagServer startEmbedded(FlagCatalog catalog, Chaos chaos) {
    try {
      return FlagServer.start("127.0.0.1", 0, catalog, chaos, RequestLog.IGNORE);
    } catch (IOException e) {
      throw new FlagsException(
          ExitCodes.ERRORS, "cannot start the embedded flag server: " + e.getMessage(), e);
    }
  }
}
