package dev.flags.cli;

import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.testing.Cli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -H 'Name: value'}: checked before any request, shown in help and completion. */
class HeaderOptionTest {
  @TempDir Path dest;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no colon sekrit-value",
        ": sekrit-value",
        "Bad Name: sekrit-value",
        "Na(me: sekrit-value",
        "X-Token: sekrit-value\u0007"
      })
  void aMalformedHeaderIsAUsageErrorOfOneLineThatHidesTheValue(String header) {
    Path sub = dest.resolve("never");
    Run run = flags("-H", header, "-d", sub.toString(), "US");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1).allMatch(l -> l.startsWith("flags: "));
    assertThat(run.err()).doesNotContain("sekrit");
    assertThat(sub).doesNotExist();
  }

  @Test
  void helpAndCompletionShowTheOption() {
    assertThat(flags("--help").out()).contains("-H, --header='NAME: VALUE'");
    assertThat(flags("completion", "bash").out()).contains("--header");
  }
}
