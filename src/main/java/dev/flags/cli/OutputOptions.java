package dev.flags.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What the run prints besides its report. */
public final class OutputOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "One line per flag as it completes (BR OK, QQ not found: URL, JP error: REASON), and"
              + " logs.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors (on stderr) and the final report: no header, no progress.")
  boolean quiet;

  /** Whether {@code -v} was given; validated against {@code -q}. */
  public boolean verbose() {
    if (verbose && quiet) {
      throw new ParameterException(spec.commandLine(), "give -v or -q, not both");
    }
    return verbose;
  }

  public boolean quiet() {
    return quiet;
  }
}
