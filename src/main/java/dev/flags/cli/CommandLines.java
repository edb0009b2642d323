package dev.flags.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The picocli wiring of {@code flags}: which subcommands a command line gets, and the handlers that
 * turn usage errors and {@link FlagsException}s into messages and exit codes. Apart from {@link
 * FlagsCommand}, which keeps the options and the run, so that neither outgrows the project's size
 * limit.
 */
final class CommandLines {
  private CommandLines() {}

  /** Adds every visible subcommand to {@code cli}: the whole model, as a user sees it. */
  static CommandLine withVisibleSubcommands(CommandLine cli) {
    for (Subcommand subcommand : FlagsCommand.SUBCOMMANDS) {
      if (!subcommand.hidden()) {
        cli.addSubcommand(subcommand.name(), subcommand.command().get());
      }
    }
    return cli;
  }

  /**
   * Adds the subcommands this command line may run (those it names: an argument with a subcommand's
   * name may also be an option's value, and then the model is built for nothing) and, when it asks
   * for help, stand-ins for the others, which the help lists.
   */
  private static void addSubcommands(CommandLine cli, String[] args) {
    List<String> named = List.of(args);
    boolean help =
        named.contains("-h") || named.contains("--help") || named.contains(Subcommand.HELP);
    for (Subcommand subcommand : FlagsCommand.SUBCOMMANDS) {
      if (named.contains(subcommand.name())) {
        cli.addSubcommand(subcommand.name(), subcommand.command().get());
      } else if (help && !subcommand.hidden()) {
        cli.addSubcommand(subcommand.name(), subcommand.listing());
      }
    }
  }

  /** Runs {@code command} as the root of {@code args}, printing to {@code out} and {@code err}. */
  static int execute(FlagsCommand command, PrintWriter out, PrintWriter err, String[] args) {
    CommandLine cli = new CommandLine(command);
    // Before the settings below: picocli hands them only to the subcommands it already has.
    addSubcommands(cli, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionStrategy(UsageErrors::execute);
    Numbers.register(cli);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof FlagsException failure) {
            commandLine.getErr().println("flags: " + CodeOptions.oneLine(failure.getMessage()));
            commandLine.getErr().flush();
            return failure.exitCode();
          }
          throw e;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
