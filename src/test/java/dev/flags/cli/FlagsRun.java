package dev.flags.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one in-process run of {@code flags} printed and returned. */
record FlagsRun(int exitCode, String out, String err) {

  static FlagsRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FlagsCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new FlagsRun(code, out.toString(), err.toString());
  }
}
