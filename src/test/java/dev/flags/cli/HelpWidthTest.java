package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every command's help at 80 columns (a pipe, or a terminal that wide): no line longer, and no
 * word, URL or file name broken across two lines ({@code http://127.0.0.1:} / {@code 8080/flags}).
 */
class HelpWidthTest {
  private static final int WIDTH = 80;

  /** The command's model, as {@code flags} builds it, with its help {@code width} columns wide. */
  private static CommandLine model(String command, int width) {
    CommandLine root = new CommandLine(new FlagsCommand());
    for (Subcommand subcommand : FlagsCommand.SUBCOMMANDS) {
      if (!subcommand.hidden()) {
        root.addSubcommand(
            subcommand.name(),
            subcommand.name().equals(command) ? subcommand.command().get() : subcommand.listing());
      }
    }
    CommandLine cli = command.equals("flags") ? root : root.getSubcommands().get(command);
    cli.getCommandSpec().usageMessage().autoWidth(false).width(width);
    return cli;
  }

  private static String help(String command, int width) {
    StringWriter out = new StringWriter();
    model(command, width).usage(new PrintWriter(out));
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"flags", "bench", "serve", "report", "help"})
  void noLineIsLongerThan80AndNoWordIsBrokenAcrossLines(String command) {
    String narrow = help(command, WIDTH);
    // The same help with room for every line: a word broken at 80 columns is whole there.
    String wide = help(command, 2000);
    List<String> lines = narrow.lines().toList();
    List<String> broken = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      String end = lastWord(lines.get(i));
      String start = firstWord(lines.get(i + 1));
      if (!end.isEmpty() && !start.isEmpty() && wide.contains(end + start)) {
        broken.add(end + " / " + start);
      }
    }
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(WIDTH));
    assertThat(broken).as(narrow).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"flags", "bench", "serve", "report", "help"})
  void linesWrittenByHandFitIn80Columns(String command) {
    // picocli would wrap them, splitting an example from its explanation.
    var usage = model(command, WIDTH).getCommandSpec().usageMessage();
    List<String> byHand = new ArrayList<>();
    byHand.addAll(List.of(usage.header()));
    byHand.addAll(List.of(usage.footer()));
    usage.exitCodeList().forEach((code, text) -> byHand.add("  " + code + "     " + text));
    assertThat(byHand).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(WIDTH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"flags", "bench", "serve", "report"})
  void aPipeGets80Columns(String command) {
    String[] args =
        command.equals("flags") ? new String[] {"--help"} : new String[] {command, "-h"};
    assertThat(Cli.flags(args).out()).isEqualTo(help(command, WIDTH));
  }

  private static String lastWord(String line) {
    String trimmed = line.stripTrailing();
    return trimmed.substring(trimmed.lastIndexOf(' ') + 1);
  }

  private static String firstWord(String line) {
    String trimmed = line.stripLeading();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
