package dev.flags.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad command line as one line on stderr, in the user's words, and exit 2: {@code flags:
 * --timeout: expected seconds, such as 2.5, got 'abc' (see 'flags --help')}. picocli's own messages
 * name Java types ("is not a double") and its internals ("Unmatched argument at index 1"); each
 * kind of parse error is said here by its exception type.
 */
final class UsageErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String name = cli.getCommandSpec().qualifiedName();
    // picocli's messages quote the argument as typed, line breaks included.
    cli.getErr()
        .println("flags: " + CodeOptions.oneLine(plain(e)) + " (see '" + name + " --help')");
    cli.getErr().flush();
    return ExitCodes.USAGE;
  }

  /**
   * Runs the command line as picocli does, after one check picocli leaves out: {@code --version}
   * with anything else is a usage error, not a version that ignores the rest.
   */
  static int execute(ParseResult parsed) {
    if (parsed.isVersionHelpRequested()) {
      for (String arg : parsed.originalArgs()) {
        if (!parsed.commandSpec().optionsMap().containsKey(arg)
            || !parsed.commandSpec().optionsMap().get(arg).versionHelp()) {
          throw new ParameterException(
              parsed.commandSpec().commandLine(),
              "--version takes nothing else, got '" + CodeOptions.printable(arg) + "'");
        }
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** What was wrong, in plain words. */
  static String plain(ParameterException e) {
    return switch (e) {
      case MissingParameterException missing -> missingValue(missing.getMissing());
      case UnmatchedArgumentException unmatched -> unmatched(unmatched);
      case OverwrittenOptionException twice ->
          name(twice.getOverwritten()) + " is given twice; give it once";
      default ->
          e.getCause() instanceof TypeConversionException bad && e.getArgSpec() != null
              ? name(e.getArgSpec()) + ": " + bad.getMessage()
              : String.valueOf(e.getMessage());
    };
  }

  private static String missingValue(List<ArgSpec> missing) {
    if (missing.size() == 1 && missing.getFirst() instanceof OptionSpec option) {
      return name(option) + ": expected a value (" + option.paramLabel() + ") after it";
    }
    return "missing " + String.join(", ", missing.stream().map(ArgSpec::paramLabel).toList());
  }

  private static String unmatched(UnmatchedArgumentException e) {
    List<String> unmatched = e.getUnmatched();
    String first = unmatched.isEmpty() ? "" : CodeOptions.printable(unmatched.getFirst());
    if (!e.isUnknownOption()) {
      return "unexpected argument '" + first + "'";
    }
    List<String> suggestions = e.getSuggestions();
    return "unknown option '"
        + first
        + "'"
        + (suggestions.isEmpty() ? "" : "; did you mean " + suggestions.getFirst() + "?");
  }

  /** An option's long name ({@code --max-req}), or a positional parameter's label. */
  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }
}
