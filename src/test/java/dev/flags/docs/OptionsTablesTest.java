package dev.flags.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.cli.FlagsCommand;
import dev.flags.cli.Subcommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options tables of docs/ say what {@code --help} says: every option of the command appears in
 * its page's table (by one of its names), and the table names no option the command does not have.
 * Both are read from the same picocli model that prints the help, so a new option without a row, or
 * a row left behind by a removed one, fails here.
 */
class OptionsTablesTest {
  /** An option name inside a table's first column: {@code -a}, {@code --max-req}. */
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[A-Za-z][\\w-]*");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "flags; docs/user-guide.md; ## Options and examples",
        "bench; docs/benchmarks.md; ## `flags bench`",
        "serve; docs/serve-and-ci.md; ## `flags serve`"
      })
  void tableMatchesHelp(String command, String page, String heading) throws IOException {
    CommandSpec spec = spec(command);
    Set<String> documented = firstColumnOptions(Path.of(page), heading);

    List<String> missing = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      known.addAll(List.of(option.names()));
      boolean help = option.usageHelp() || option.versionHelp();
      if (!help && List.of(option.names()).stream().noneMatch(documented::contains)) {
        missing.add(option.longestName());
      }
    }

    assertThat(missing).as("options of '%s' with no row in %s", command, page).isEmpty();
    assertThat(known)
        .as("options in %s's table that '%s --help' does not have", page, command)
        .containsAll(documented);
  }

  /** The model of {@code flags} or of one of its subcommands, as {@code --help} prints it. */
  private static CommandSpec spec(String command) {
    if (command.equals("flags")) {
      return new CommandLine(new FlagsCommand()).getCommandSpec();
    }
    Subcommand subcommand =
        FlagsCommand.SUBCOMMANDS.stream()
            .filter(s -> s.name().equals(command))
            .findFirst()
            .orElseThrow();
    return new CommandLine(subcommand.command().get()).getCommandSpec();
  }

  /** The option names in the first column of the first table after the heading. */
  private static Set<String> firstColumnOptions(Path page, String heading) throws IOException {
    List<String> lines = Files.readAllLines(page);
    int start = -1;
    for (int i = 0; i < lines.size() && start < 0; i++) {
      if (lines.get(i).startsWith(heading)) {
        start = i;
      }
    }
    assertThat(start).as("heading '%s' in %s", heading, page).isNotNegative();
    int row = start;
    while (row < lines.size() && !lines.get(row).startsWith("|")) {
      row++;
    }
    Set<String> names = new TreeSet<>();
    for (; row < lines.size() && lines.get(row).startsWith("|"); row++) {
      // The first cell; "\|" inside it is an escaped bar, not the cell's end.
      String cell = lines.get(row).substring(1).replace("\\|", "/").split("\\|", 2)[0];
      Matcher matcher = OPTION.matcher(cell);
      while (matcher.find()) {
        names.add(matcher.group());
      }
    }
    assertThat(names).as("options table after '%s' in %s", heading, page).isNotEmpty();
    return names;
  }
}
