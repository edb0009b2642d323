package dev.flags;

import dev.flags.cli.ExitCodes;
import dev.flags.cli.FlagsCommand;
import dev.flags.cli.ReportOutput;
import dev.flags.cli.VersionProvider;
import dev.flags.cli.WorkerCommand;
import dev.flags.download.pool.ProcessPoolDownloader;
import dev.flags.http.HttpClients;
import java.io.PrintWriter;

/**
 * Entry point of the {@code flags} command. Its fast paths and warm-up guesses are start-up levers,
 * described with the others in the package doc.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The same lines picocli would print, without building the command model, whose annotation
      // reflection (annotation proxy classes, which the AOT cache cannot keep) would be most of
      // the run. A start-up lever: see the package doc.
      ReportOutput stdout = ReportOutput.stdout();
      PrintWriter out = stdout.writer();
      for (String line : VersionProvider.lines()) {
        out.println(line);
      }
      out.flush();
      // Nothing has started that would need shutting down; System.exit would first set up JDK
      // logging to log the exit.
      Runtime.getRuntime()
          .halt(
              stdout.exitCode(
                  ExitCodes.OK, new PrintWriter(System.err, false, System.err.charset())));
    }
    if (args.length == 1 && args[0].equals(WorkerCommand.NAME)) {
      // A process-pool worker, started by its parent with exactly this argument: nothing to parse,
      // so no command model.
      HttpClients.warmUpInBackground(false);
      int code = WorkerCommand.runWorker();
      // Its downloads closed their files; System.exit would set up JDK logging to log the exit,
      // a worker's costliest step after its start, while its parent waits for it to end.
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(code);
    }
    ReportOutput stdout = ReportOutput.stdout();
    PrintWriter err = new PrintWriter(System.err, false, System.err.charset());
    int code = run(stdout.writer(), err, args);
    System.exit(stdout.exitCode(code, err));
  }

  /**
   * Runs a command line as {@link #main} does, without the exit: the AOT cache's training runs this
   * same path, so that every class and lambda a user's run needs is in the cache.
   */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    // picocli otherwise looks for Groovy's Closure class on the class path, and the miss opens
    // every jar on it. A start-up lever: see the package doc.
    System.setProperty("picocli.disable.closures", "true");
    if (downloads(args)) {
      HttpClients.warmUpInBackground(mentionsHttps(args));
      if (mentionsProcesses(args)) {
        // The pool's messages, whose first use would otherwise compete with its booting workers.
        ProcessPoolDownloader.warmUpInBackground();
      }
    }
    return FlagsCommand.executeAsMain(out, err, args);
  }

  /** Whether the arguments ask for the process pool (a guess, like {@link #downloads}). */
  private static boolean mentionsProcesses(String[] args) {
    for (String arg : args) {
      if (arg.equals("processes") || arg.equals("--mode=processes")) {
        return true;
      }
    }
    return false;
  }

  /** Whether an argument names an https server (a guess, like {@link #downloads}). */
  private static boolean mentionsHttps(String[] args) {
    for (String arg : args) {
      if (arg.regionMatches(true, arg.indexOf('=') + 1, "https:", 0, 6)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this command line will probably download (a guess that only decides a warm-up): not
   * when it asks for help or the version, nor for a subcommand that does not download ({@code
   * serve}, {@code report}, ...).
   */
  private static boolean downloads(String[] args) {
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
        return false;
      }
    }
    return args.length == 0 || FlagsCommand.downloads(args[0]);
  }
}
