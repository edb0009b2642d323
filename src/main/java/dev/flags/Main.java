package dev.flags;

import dev.flags.cli.FlagsCommand;
import dev.flags.cli.VersionProvider;
import java.io.PrintWriter;

/** Entry point of the {@code flags} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The same lines picocli would print, without building the command model: its annotation
      // reflection (~40 ms, mostly the JDK generating annotation proxy classes, which the AOT cache
      // cannot keep) would be most of the run.
      for (String line : VersionProvider.lines()) {
        System.out.println(line);
      }
      System.exit(0);
    }
    System.exit(
        FlagsCommand.execute(new PrintWriter(System.out), new PrintWriter(System.err), args));
  }
}
