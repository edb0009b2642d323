package dev.flags.cli;

import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A subcommand of {@code flags}: its name, the line the root's help lists it with ({@code null}:
 * hidden), how to create it, and whether it downloads (then {@code Main} warms the HTTP client up
 * while the command line is parsed). Its model is built only when a command line names it: picocli
 * reads every annotation of a command when it is added, which neither a download run nor {@code
 * flags --help} needs (a start-up lever: see the {@code dev.flags} package doc).
 */
public record Subcommand(String name, String header, Supplier<Object> command, boolean downloads) {
  /** The name of the subcommand that shows help, as git's and jbang's do. */
  static final String HELP = "help";

  private static final String HELP_HEADER = "Shows this help, or a command's: flags help bench";

  /**
   * {@code flags help [COMMAND]}: picocli's help command, with a header in this tool's words. A
   * model, not the command object, so the header can be set before it is listed.
   */
  static Subcommand help() {
    return new Subcommand(
        HELP,
        HELP_HEADER,
        () -> {
          CommandSpec spec = CommandSpec.forAnnotatedObject(new CommandLine.HelpCommand());
          spec.usageMessage().header(HELP_HEADER);
          return spec;
        },
        false);
  }

  public boolean hidden() {
    return header == null;
  }

  /**
   * A stand-in holding only the name and header, for the root's help to list: that is all it reads
   * of a subcommand. {@code SubcommandTest} checks it against the real model.
   */
  CommandSpec listing() {
    CommandSpec spec = CommandSpec.create().name(name);
    spec.usageMessage().header(header);
    return spec;
  }
}
