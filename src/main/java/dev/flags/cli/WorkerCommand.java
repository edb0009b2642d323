package dev.flags.cli;

import dev.flags.download.pool.ProcessPoolDownloader;
import dev.flags.download.pool.ProcessWorker;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code flags worker}: one worker JVM of {@code --mode=processes}, started by {@link
 * dev.flags.download.pool.ProcessPoolDownloader}; not for users, hence hidden. It reads and writes
 * the pool's JSON-line messages ({@link dev.flags.download.pool.Message}) on stdin and stdout; logs
 * go to stderr.
 */
@Command(
    addMethodSubcommands = false,
    name = WorkerCommand.NAME,
    hidden = true,
    mixinStandardHelpOptions = true, // so that `flags worker --help` says what it is
    versionProvider = VersionProvider.class,
    description = "Internal: a worker process of --mode=processes (JSON lines on stdin/stdout).")
public final class WorkerCommand implements Callable<Integer> {
  /** The argument a process pool starts its workers with ({@code flags worker}). */
  public static final String NAME = ProcessPoolDownloader.WORKER_COMMAND;

  /**
   * Runs a worker without picocli (the command has no options): {@link dev.flags.Main} calls this
   * for {@code flags worker}. Returns the exit code; an I/O failure on the pipes is one line on
   * stderr and exit 1.
   */
  public static int runWorker() {
    try {
      return new WorkerCommand().call();
    } catch (IOException e) {
      System.err.println("flags worker: " + CodeOptions.oneLine(String.valueOf(e.getMessage())));
      return ExitCodes.ERRORS;
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintStream protocol = System.out;
    System.setOut(System.err); // nothing but the protocol may reach the parent's pipe
    ignoreCtrlC();
    return ProcessWorker.serve(System.in, protocol);
  }

  /**
   * Ctrl-C in a terminal reaches the whole process group, workers included. The parent decides what
   * an interruption means and stops its workers itself (or they see their stdin close when it
   * dies); a worker dying on its own would only look like a crash to be retried.
   */
  private static void ignoreCtrlC() {
    try {
      Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // a JVM without signal support (-Xrs): nothing to ignore
    }
  }
}
