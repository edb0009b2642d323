package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The root's help lists subcommands from stand-ins: they must say what the real ones say. */
class SubcommandTest {
  @Test
  void eachStandInMatchesItsCommand() {
    for (Subcommand subcommand : FlagsCommand.SUBCOMMANDS) {
      CommandSpec real = new CommandLine(subcommand.command().get()).getCommandSpec();
      assertThat(real.name()).isEqualTo(subcommand.name());
      assertThat(real.usageMessage().hidden()).isEqualTo(subcommand.hidden());
      if (!subcommand.hidden()) {
        assertThat(subcommand.listing().usageMessage().header())
            .containsExactly(real.usageMessage().header());
      }
    }
  }

  @Test
  void theRootHelpListsTheVisibleSubcommands() {
    StringWriter out = new StringWriter();
    int code =
        FlagsCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Commands:")
        // The names are padded to the longest one's width.
        .containsPattern("\\n  bench +" + Pattern.quote(BenchCommand.HEADER.substring(0, 30)))
        .containsPattern("\\n  serve +" + Pattern.quote(ServeCommand.HEADER.substring(0, 30)))
        .containsPattern("\\n  completion +" + Pattern.quote(CompletionCommand.HEADER))
        .containsPattern("\\n  report +" + Pattern.quote(ReportCommand.HEADER.substring(0, 30)))
        .doesNotContain("  worker  ");
  }

  @Test
  void aSubcommandNamedRunsWithItsOwnModel() {
    StringWriter out = new StringWriter();
    int code =
        FlagsCommand.execute(
            new PrintWriter(out), new PrintWriter(new StringWriter()), "serve", "--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: flags serve").contains("--delay");
  }
}
