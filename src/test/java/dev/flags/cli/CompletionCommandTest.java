package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.Mode;
import dev.flags.testing.Bash;
import dev.flags.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flags completion}: the script loads in a real bash and completes what --help lists. */
class CompletionCommandTest {
  @TempDir Path dir;

  /**
   * Sources the bash script, then asks its completion function, as bash does on TAB, to complete
   * the last of {@code words} (the line typed so far); returns COMPREPLY, one candidate a line.
   */
  private String[] complete(String... words) throws Exception {
    Cli.Run script = Cli.flags("completion", "bash");
    assertThat(script.exitCode()).as(script.err()).isZero();
    Path file = Files.writeString(dir.resolve("flags-completion.bash"), script.out());
    Bash.Run run =
        Bash.run(
            Map.of(),
            """
            source "$1" || exit 3
            # compopt sets how readline shows the candidates, not which: it works only while
            # readline itself runs a completion, which this is not.
            compopt() { :; }
            shift
            COMP_WORDS=("$@")
            COMP_CWORD=$(($# - 1))
            COMP_LINE="$*"
            COMP_POINT=${#COMP_LINE}
            # The function the script registered for flags, as bash finds it on TAB.
            spec=$(complete -p flags) || exit 4
            function=${spec#*-F }
            "${function%% *}" flags "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """,
            concat(file.toString(), words));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    return run.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void completesAnOptionFromItsPrefix() throws Exception {
    assertThat(complete("flags", "--mo")).containsExactly("--mode");
  }

  @Test
  void completesTheFiveModes() throws Exception {
    String[] modes = Arrays.stream(Mode.values()).map(Mode::label).toArray(String[]::new);
    assertThat(modes).hasSize(5);
    assertThat(complete("flags", "--mode", "")).containsExactlyInAnyOrder(modes);
  }

  @Test
  void completesTheVisibleSubcommandsButNotTheWorker() throws Exception {
    assertThat(complete("flags", "se")).containsExactly("serve");
    assertThat(complete("flags", "completion", "")).containsExactlyInAnyOrder("bash", "zsh");
    assertThat(complete("flags", "wo")).isEmpty();
  }

  @Test
  void zshGetsTheSameScriptWhichSetsUpBashcompinitItself() {
    Cli.Run zsh = Cli.flags("completion", "zsh");
    assertThat(zsh.exitCode()).isZero();
    assertThat(zsh.out()).isEqualTo(Cli.flags("completion", "bash").out()).contains("bashcompinit");
  }

  @Test
  void anotherShellIsAUsageError() {
    Cli.Run fish = Cli.flags("completion", "fish");
    assertThat(fish.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(fish.err().lines()).singleElement().asString().contains("fish", "bash, zsh");
    assertThat(fish.out()).isEmpty();
  }
}
