package dev.flags;

import dev.flags.cli.FlagsCommand;
import java.io.PrintWriter;

/** Entry point of the {@code flags} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(
        FlagsCommand.executeAsMain(new PrintWriter(System.out), new PrintWriter(System.err), args));
  }
}
