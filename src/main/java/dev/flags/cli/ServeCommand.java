package dev.flags.cli;

import dev.flags.server.Chaos;
import dev.flags.server.Delay;
import dev.flags.server.FlagCatalog;
import dev.flags.server.FlagServer;
import dev.flags.server.FlagTree;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.WireMockExport;
import dev.flags.tls.ServerTls;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flags serve}: the flag server as a standalone test server, with latency, errors and faults
 * on demand; {@code --book} runs the book's LOCAL, DELAY and ERROR servers at once.
 */
@Command(
    addMethodSubcommands = false,
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    // "[OPTIONS]": the full synopsis breaks option syntax such as --modes=MODE[,MODE...].
    abbreviateSynopsis = true,
    header = ServeCommand.HEADER,
    // Paths on lines of their own: help breaks long lines at '/' and '.' too.
    description = {
      "Serves flags in the book's layout until Ctrl-C or SIGTERM:",
      "  {base}/{cc}/{cc}.gif and {base}/{cc}/metadata.json",
      "Prints its base URL on stdout and one line per request on stderr: time, method, path,"
          + " status or fault, delay.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the WireMock export was written",
      "1:cannot listen (e.g. port in use) or cannot write the export",
      "2:bad command line or --flags-dir; nothing was started",
      "23:the URL could not be written to stdout (a full disk, a closed stdout)",
      "130:stopped by Ctrl-C (SIGINT)",
      "143:stopped by SIGTERM"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flags serve                              LOCAL: http://127.0.0.1:8000/flags",
      "  flags serve --port 8001 --delay 500..5000",
      "                                           the book's DELAY server",
      "  flags serve --port 8002 --error-rate 0.25 --delay 500..5000",
      "                                           the book's ERROR server",
      "  flags serve --book                       LOCAL, DELAY and ERROR at once",
      "  flags serve --port 0 --fault reset:0.1,truncated:0.1 --seed 7",
      "                                           a free port, 20%% broken, repeatably",
      "  flags serve --flags-dir flags.zip        the book's own flags.zip",
      "  flags serve --tls                        HTTPS, and a certificate for --cacert",
      "  flags serve --export-wiremock wm         WireMock mappings and __files in wm/",
      "  flags serve --export-wiremock wm --tls   ... and a keystore for its HTTPS"
    })
public final class ServeCommand implements Callable<Integer> {
  /** The line {@code flags --help} lists it with (read there without building this model). */
  static final String HEADER =
      "A flag server for tests, with latency, errors and faults on demand.";

  static final int DEFAULT_PORT = 8000;

  /** The book's ERROR server: {@code slow_server.py --error-rate .25}, answering 418. */
  static final double BOOK_ERROR_RATE = 0.25;

  @Spec private CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one (default: " + DEFAULT_PORT + ").")
  private Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0: every interface).")
  private String bind;

  @Option(
      names = "--delay",
      paramLabel = ChaosArgs.DELAY_LABEL,
      converter = ChaosArgs.DelayConverter.class,
      description =
          "Wait this many ms before each answer; MIN..MAX draws a uniform random delay per"
              + " request (the book's slow_server.py: 500..5000). A delay holds up only its own"
              + " connection.")
  private Delay delay;

  @Option(
      names = "--error-rate",
      paramLabel = "P",
      converter = ChaosArgs.ProbabilityConverter.class,
      description = "Answer this share of requests (0..1) with --error-status (the book: 0.25).")
  private Double errorRate;

  @Option(
      names = "--error-status",
      paramLabel = "CODE",
      description = "The status of --error-rate's errors, 400..599 (default: 418 I'm a teapot).")
  private Integer errorStatus;

  @Option(
      names = "--fault",
      paramLabel = ChaosArgs.FAULT_LABEL,
      split = ",",
      converter = ChaosArgs.FaultConverter.class,
      description = {
        "A fault and its probability (0..1); repeatable or comma-separated:",
        "  reset       connection reset (TCP RST)",
        "  empty       closed without a response",
        "  truncated   body shorter than Content-Length",
        "  garbage     random bytes, then close",
        "  slow-body   body dribbled over 5 seconds",
        "  status-503  503 with Retry-After: 1",
        "  status-429  429 with Retry-After: 1",
        "  stall       no answer at all: the client times out",
        "Errors and faults exclude each other: their probabilities add up to at most 1."
      })
  private List<ChaosArgs.FaultChance> faults;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the delays, errors and faults (default: random, printed). The same seed gives"
              + " each path the same sequence, whatever the order or concurrency of requests.")
  private Long seed;

  @Option(
      names = "--flags-dir",
      paramLabel = "PATH",
      description = {
        "Serve the flags in this folder or zip instead of the generated ones, in the book's"
            + " layout:",
        "  <cc>/<cc>.gif and <cc>/metadata.json",
        "optionally under one top-level folder, as in the book's flags.zip."
      })
  private String flagsDir;

  @Option(
      names = "--book",
      description =
          "The book's three servers at once: LOCAL on 8000; DELAY on 8001 (500..5000 ms);"
              + " ERROR on 8002 (0.25 as 418, and 500..5000 ms). Not with --port, --delay,"
              + " --error-rate, --error-status, --fault.")
  private boolean book;

  @Option(
      names = "--export-wiremock",
      paramLabel = "DIR",
      description =
          "Do not serve: write WireMock stub mappings (DIR/mappings) and bodies (DIR/__files)"
              + " for the same flags, with --delay if given, and exit. Run WireMock with"
              + " --root-dir DIR. With --tls (or --cert/--key) also a keystore for WireMock's"
              + " --https-port and the certificate for --cacert.")
  private String exportDir;

  @Mixin private ServeTlsOptions tlsOptions;

  @Option(
      names = {"-q", "--quiet"},
      description = "No request log and no banner on stderr; stdout still gets the URL(s).")
  private boolean quiet;

  @Override
  public Integer call() {
    // Every check before anything listens or is written.
    List<ServerGroup.Plan> plans = plans();
    Path export = exportDir == null ? null : exportFolder();
    FlagCatalog catalog = catalog();
    ServerTls tls = tlsOptions.serverTls();
    if (export != null) {
      return export(catalog, export, tls);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FlagServer> servers =
        ServerGroup.startAll(
            bind, plans, catalog, plan -> ServerGroup.requestLog(plan, quiet, err), tls);
    ServerGroup.announce(plans, servers, catalog, flagsDir, quiet, out, err);
    if (tls != null) {
      ServerGroup.announceCertificate(tlsOptions.certificateFile(tls), servers, quiet, out, err);
    }
    if (ReportOutput.lost(out)) {
      servers.forEach(FlagServer::close); // nobody learnt the URLs: serving would be for no one
      return ExitCodes.OUTPUT;
    }
    return ServerGroup.serveUntilStopped(servers, quiet, err);
  }

  private List<ServerGroup.Plan> plans() {
    if (port != null && (port < 0 || port > 65_535)) {
      throw usage("--port must be 0..65535, not " + port);
    }
    try {
      InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw usage("--bind: unknown address '" + CodeOptions.printable(bind) + "'");
    }
    if (book) {
      List<String> clashes = new ArrayList<>();
      addIf(clashes, port != null, "--port");
      addIf(clashes, delay != null, "--delay");
      addIf(clashes, errorRate != null, "--error-rate");
      addIf(clashes, errorStatus != null, "--error-status");
      addIf(clashes, faults != null, "--fault");
      addIf(clashes, exportDir != null, "--export-wiremock");
      if (!clashes.isEmpty()) {
        throw usage(
            "--book sets its own ports, delays and errors; drop " + String.join(", ", clashes));
      }
      Chaos delayed = ChaosArgs.chaos(spec, Delay.BOOK, null, null, null, seed);
      return List.of(
          new ServerGroup.Plan("LOCAL", DEFAULT_PORT, Chaos.NONE),
          new ServerGroup.Plan("DELAY", DEFAULT_PORT + 1, delayed),
          new ServerGroup.Plan(
              "ERROR",
              DEFAULT_PORT + 2,
              delayed.withErrors(BOOK_ERROR_RATE, Chaos.DEFAULT_ERROR_STATUS)));
    }
    if (exportDir != null && (errorRate != null || errorStatus != null || faults != null)) {
      throw usage(
          "--export-wiremock keeps --delay but not --error-rate, --error-status or --fault:"
              + " a WireMock stub answers the same way every time");
    }
    Chaos chaos = ChaosArgs.chaos(spec, delay, errorRate, errorStatus, faults, seed);
    return List.of(new ServerGroup.Plan("", port == null ? DEFAULT_PORT : port, chaos));
  }

  private static void addIf(List<String> list, boolean condition, String item) {
    if (condition) {
      list.add(item);
    }
  }

  private FlagCatalog catalog() {
    if (flagsDir == null) {
      return new GeneratedFlags();
    }
    try {
      return FlagTree.load(Path.of(flagsDir));
    } catch (InvalidPathException e) {
      throw usage("--flags-dir: bad path '" + CodeOptions.printable(flagsDir) + "'");
    } catch (IOException e) {
      // FlagTree says what is wrong in one line, starting with the path.
      throw usage("--flags-dir " + e.getMessage());
    }
  }

  private Path exportFolder() {
    Path dir;
    try {
      dir = Path.of(exportDir);
    } catch (InvalidPathException e) {
      throw usage("--export-wiremock: bad path '" + CodeOptions.printable(exportDir) + "'");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw usage("--export-wiremock: " + dir + " is not a folder");
    }
    return dir;
  }

  private int export(FlagCatalog catalog, Path dir, ServerTls tls) {
    Delay exported = delay == null ? Delay.NONE : delay;
    int flags;
    try {
      flags = WireMockExport.write(catalog, exported, dir);
      if (tls != null) {
        WireMockExport.writeTls(tls, dir);
      }
    } catch (IOException e) {
      throw new FlagsException(
          ExitCodes.ERRORS,
          "cannot write the WireMock export to "
              + dir
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage(),
          e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Exported "
            + flags
            + " flags as WireMock mappings"
            + (exported.isNone() ? "" : " (delay " + exported + ")")
            + " to "
            + dir
            + ": run WireMock with --root-dir "
            + dir
            + (tls == null ? "" : WireMockExport.httpsOptions(dir)));
    out.flush();
    return ExitCodes.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
