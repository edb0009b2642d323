package dev.flags.testing;

import dev.flags.cli.FlagsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code flags} in this JVM, as {@code Main} does, and keeps what it printed. */
public final class Cli {
  private Cli() {}

  /** What one in-process run of {@code flags} printed and returned. */
  public record Run(int exitCode, String out, String err) {}

  public static Run flags(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FlagsCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }
}
