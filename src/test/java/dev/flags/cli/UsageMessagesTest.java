package dev.flags.cli;

import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flags.testing.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad command line says what is expected in the user's words, not Java's: one line, the same form
 * for every option, exit 2, nothing downloaded.
 */
class UsageMessagesTest {
  @TempDir Path dir;

  /** Runs {@code flags} with {@code args} (split at spaces) and a destination that must stay. */
  private Run usageError(String args, String command) {
    Path never = dir.resolve("never");
    List<String> argv = new ArrayList<>(Arrays.asList(args.split(" ")));
    if (command.equals("flags")) {
      argv.addAll(List.of("-d", never.toString()));
    }
    Run run = flags(argv.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("flags: ").endsWith(" (see '" + command + " --help')\n");
    assertThat(never).doesNotExist();
    return run;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--timeout abc|--timeout: expected seconds, such as 2.5, got 'abc'",
        "--timeout 0|--timeout: expected seconds, more than 0 and at most 86400, got '0'",
        "--timeout NaN|--timeout: expected seconds, such as 2.5, got 'NaN'",
        "--deadline 0|--deadline: expected seconds, more than 0 and at most 86400, got '0'",
        "--deadline 86401|--deadline: expected seconds, more than 0 and at most 86400, got '86401'",
        "--backoff -1|--backoff: expected seconds, from 0 to 86400, got '-1'",
        "--max-retry-wait x|--max-retry-wait: expected seconds, such as 2.5, got 'x'",
        "-m 99999999999|--max-req: expected a whole number up to 2147483647, got '99999999999'",
        "-m 2.5|--max-req: expected a whole number, such as 4, got '2.5'",
        "-l x|--limit: expected a whole number, such as 4, got 'x'",
        "--retries x|--retries: expected a whole number, such as 4, got 'x'",
        "--max-bytes 10MB|--max-bytes: expected a whole number, such as 4, got '10MB'",
        "--server-seed x|--server-seed: expected a whole number, such as 4, got 'x'",
        "--mode warp|--mode: unknown mode 'warp': use one of sequential, threads, processes,"
            + " virtual, async",
        "-a -e|give --all or --every, not both",
        "-x|unknown option '-x'",
        "--tiemout 3|unknown option '--tiemout'; did you mean --timeout?",
        "-m|--max-req: expected a value (N) after it",
        "--timeout -v|--timeout: expected a value (SECONDS) after it",
        "-s a -s b|--server is given twice; give it once",
        "--version extra|--version takes nothing else, got 'extra'",
      })
  void eachMessageSaysWhatIsExpected(String args, String message) {
    Run run = usageError(args, "flags");
    assertThat(run.err()).isEqualTo("flags: " + message + " (see 'flags --help')\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "serve extra|flags serve|unexpected argument 'extra'",
        "serve --port x|flags serve|--port: expected a whole number, such as 4, got 'x'",
        "serve --seed 1.5|flags serve|--seed: expected a whole number, such as 4, got '1.5'",
        "bench -m 3,x|flags bench|--max-req: expected a whole number, such as 4, got 'x'",
        "bench --runs many|flags bench|--runs: expected a whole number, such as 4, got 'many'",
        "bench -a -e|flags bench|give --all or --every, not both",
      })
  void subcommandsSpeakTheSameWay(String args, String command, String message) {
    Run run = usageError(args, command);
    assertThat(run.err()).isEqualTo("flags: " + message + " (see '" + command + " --help')\n");
  }

  @Test
  void anEmptyDestinationIsAUsageError() {
    for (String[] args : List.of(new String[] {"-d", "", "BR"}, new String[] {"--dest=", "BR"})) {
      Run run = flags(args);
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "flags: --dest: expected a folder, such as downloads, got '' (see 'flags --help')\n");
    }
  }

  @Test
  void aDestinationThatCannotBeCreatedSaysWhyInWords() {
    // /proc/1 exists, but nothing can be created in it: the OS says "no such file".
    assumeTrue(Files.isDirectory(Path.of("/proc/1")), "needs Linux /proc");
    Run run = flags("-d", "/proc/1/nope", "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "flags: cannot create destination /proc/1/nope: no such file or folder"
                + " (see 'flags --help')\n");
  }

  @Test
  void helpAsACommandShowsTheHelp() {
    Run help = flags("help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.err()).isEmpty();
    assertThat(help.out()).isEqualTo(flags("--help").out()).contains("Usage: flags ");
    assertThat(help.out()).containsPattern("\\n  help +Shows this help, or a command's");

    Run bench = flags("help", "bench");
    assertThat(bench.exitCode()).isZero();
    assertThat(bench.out()).isEqualTo(flags("bench", "--help").out());
  }
}
