package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.testing.Cli;
import dev.flags.testing.Cli.Run;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The main command's --server-* options shape its embedded server like 'flags serve' would. */
class EmbeddedServerOptionsTest {
  @TempDir Path dest;

  private Run flags(String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("-d", dest.toString(), "-v"));
    argv.addAll(List.of(args));
    return Cli.flags(argv.toArray(String[]::new));
  }

  @Test
  void anErrorRateOfOneFailsEveryFlagWithATeapot() {
    Run run = flags("--server-error-rate", "1", "BR", "JP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out())
        .contains("BR error: HTTP 418 I'm a teapot\n", "JP error: HTTP 418 I'm a teapot\n")
        .contains("  2 errors.");
  }

  @Test
  void faultsReachTheClient() {
    Run run = flags("--server-fault", "status-503:1", "--retries", "0", "BR");
    assertThat(run.out()).contains("BR error: HTTP 503 Service Unavailable\n");
    run = flags("--server-fault", "reset:1", "--retries", "0", "BR");
    assertThat(run.out()).contains("BR error: connection reset\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
  }

  @Test
  void aDelayIsHonoured() {
    long start = System.nanoTime();
    Run run = flags("--server-delay", "250", "BR");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(run.exitCode()).isZero();
    assertThat(dest.resolve("br.gif")).exists();
  }

  /** 30 threads, so the requests arrive in a different order each run: the same flags fail. */
  @Test
  void theSameSeedFailsTheSameFlags() {
    List<String> first =
        errorLines(flags("--server-error-rate", "0.3", "--server-seed", "11", "-a"));
    List<String> second =
        errorLines(flags("--server-error-rate", "0.3", "--server-seed", "11", "-a"));
    assertThat(first).hasSizeBetween(30, 90).isEqualTo(second);
  }

  /** The -v error lines without their time and worker, which differ from run to run. */
  private static List<String> errorLines(Run run) {
    return run.out()
        .lines()
        .filter(l -> l.contains(" error: "))
        .map(l -> l.replaceFirst("^ *[0-9.]+s \\S+ +", ""))
        .sorted()
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-s LOCAL --server-delay 5|shape the EMBEDDED server, not LOCAL",
        "-s http://127.0.0.1:9/flags --server-seed 1|shape the EMBEDDED server, not CUSTOM",
        "--server-fault nope:1|unknown fault 'nope'",
        "--server-error-rate 0.8 --server-fault empty:0.3|add up to 1.100",
        "--server-delay 1..|is not a delay"
      })
  void misuseIsAOneLineUsageError(String argsAndMessage) {
    String[] parts = argsAndMessage.split("\\|", -1);
    Run run = flags(parts[0].split(" ", -1));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(parts[1]).endsWith("(see 'flags --help')\n");
  }
}
