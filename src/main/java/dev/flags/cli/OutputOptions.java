package dev.flags.cli;

import picocli.CommandLine.Option;

/** What the run prints besides its report. */
public final class OutputOptions {
  @Option(
      names = {"-v", "--verbose"},
      description = "One line per flag as it completes (BR OK, QQ not found: URL, ...), and logs.")
  boolean verbose;

  public boolean verbose() {
    return verbose;
  }
}
