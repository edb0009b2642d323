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
    assertThat(parse("--mode=sequential").parallelism(false).maxReq()).isEqualTo(1);
    assertThat(parse("--mode=threads").parallelism(false).maxReq()).isEqualTo(30);
    assertThat(parse("--mode=processes").parallelism(false).maxReq())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(parse("--mode=virtual").parallelism(false).maxReq()).isEqualTo(100);
    assertThat(parse("--mode=ASYNC").parallelism(false).maxReq()).isEqualTo(100);
  }

  @Test
  void aPoliteServerGetsAtMost5UnlessMaxReqSaysMore() {
    assertThat(parse("--mode=threads").parallelism(true).maxReq()).isEqualTo(5);
    assertThat(parse("--mode=virtual").parallelism(true).maxReq()).isEqualTo(5);
    assertThat(parse("--mode=threads", "-m", "50").parallelism(true).maxReq()).isEqualTo(50);
    assertThat(parse("--mode=sequential", "-m", "50").parallelism(true).maxReq()).isEqualTo(1);
  }
}
