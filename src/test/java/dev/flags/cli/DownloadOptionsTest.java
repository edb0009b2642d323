package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The concurrency each mode really uses, by default and when asked. */
class DownloadOptionsTest {
  @Command
  static final class Holder {
    @Mixin DownloadOptions options;
  }

  private static DownloadOptions parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.options;
  }

  @Test
  void eachModeHasItsDefault() {
    assertThat(parse("--mode=sequential").maxReq(false)).isEqualTo(1);
    assertThat(parse("--mode=threads").maxReq(false)).isEqualTo(30);
    assertThat(parse("--mode=processes").maxReq(false))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(parse("--mode=virtual").maxReq(false)).isEqualTo(100);
    assertThat(parse("--mode=ASYNC").maxReq(false)).isEqualTo(100);
  }

  @Test
  void aPoliteServerGetsAtMost5UnlessMaxReqSaysMore() {
    assertThat(parse("--mode=threads").maxReq(true)).isEqualTo(5);
    assertThat(parse("--mode=virtual").maxReq(true)).isEqualTo(5);
    assertThat(parse("--mode=threads", "-m", "50").maxReq(true)).isEqualTo(50);
    assertThat(parse("--mode=sequential", "-m", "50").maxReq(true)).isEqualTo(1);
  }
}
