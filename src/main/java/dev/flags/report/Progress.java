package dev.flags.report;

import dev.flags.download.FlagResult;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows the run's progress, one step per flag (not per attempt, so retries never push it past 100
 * %). {@link #NONE} shows nothing; {@link #create} shows a progress bar on stderr only where it
 * helps (see {@link #wanted}).
 *
 * <p>The bar's classes (me.tongfei:progressbar) are loaded only when a bar is shown, so they cost
 * nothing to the usual piped or scripted run.
 */
public interface Progress extends AutoCloseable {
  Progress NONE =
      new Progress() {
        @Override
        public void step(FlagResult result) {}

        @Override
        public void close() {}
      };

  /** One more flag is done. Called from one thread at a time. */
  void step(FlagResult result);

  /** Finishes the display (the bar's last line), before the report is printed. */
  @Override
  void close();

  /** A progress bar for {@code total} flags on stderr if {@code shown}, else {@link #NONE}. */
  static Progress create(boolean shown, int total) {
    return shown ? new TerminalProgress(total) : NONE;
  }

  /**
   * Whether a bar would help: stderr is a terminal, {@code NO_COLOR} is not set (no-color.org:
   * present and not empty) and {@code TERM} is not {@code dumb}. A pipe or a file never gets one,
   * so no control characters reach logs.
   */
  static boolean wanted() {
    String noColor = System.getenv("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    return stderrIsTerminal();
  }

  /**
   * The launcher knows ({@code [ -t 2 ]}) and says so in {@code flags.stderr.tty}; without it, on
   * Linux, where fd 2 points tells; elsewhere, {@link Console#isTerminal} (stdin and stdout only).
   */
  private static boolean stderrIsTerminal() {
    String launcher = System.getProperty("flags.stderr.tty");
    if (launcher != null) {
      return launcher.equals("true");
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Null still, without a terminal, when the java.base console is chosen (-Djdk.console).
      @SuppressWarnings("SystemConsoleNull")
      Console console = System.console();
      return console != null && console.isTerminal();
    }
  }
}
