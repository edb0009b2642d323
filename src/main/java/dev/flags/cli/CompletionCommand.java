package dev.flags.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flags completion bash|zsh}: prints the shell completion script picocli generates from the
 * whole command model, so completion never lags behind the options.
 */
@Command(
    addMethodSubcommands = false,
    name = CompletionCommand.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    header = CompletionCommand.HEADER,
    description = {
      "The script completes subcommands, options, and the values of options that have a fixed"
          + " set (such as --mode). It serves both shells: zsh runs it through bashcompinit.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the script was printed", "2:bad command line (a shell other than these)"},
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(flags completion bash)      in ~/.bashrc",
      "  source <(flags completion zsh)       in ~/.zshrc",
      "  flags completion bash > ~/.local/share/bash-completion/completions/flags"
    })
public final class CompletionCommand implements Callable<Integer> {
  static final String NAME = "completion";
  static final String HEADER = "Prints the bash or zsh completion script.";

  /** The shells the script is for; picocli's script detects which one sources it. */
  enum Shell {
    bash,
    zsh
  }

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      description = "bash or zsh.",
      completionCandidates = ShellNames.class)
  @SuppressWarnings("UnusedVariable") // picocli checks the name; one script serves both shells
  private Shell shell;

  /** The candidates {@code flags completion <TAB>} offers. */
  static final class ShellNames extends java.util.ArrayList<String> {
    ShellNames() {
      for (Shell each : Shell.values()) {
        add(each.name());
      }
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("flags", FlagsCommand.model()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
