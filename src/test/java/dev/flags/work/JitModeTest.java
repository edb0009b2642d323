package dev.flags.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which JIT a JVM's options give, the last option of a kind winning as it does for the JVM. */
class JitModeTest {

  private static boolean topTier(String... arguments) {
    return JitMode.of(List.of(arguments)).topTier();
  }

  @Test
  void onlyTheOptionsThatChooseTheCompilersAreKept() {
    JitMode mode =
        JitMode.of(
            List.of(
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-TieredCompilation",
                "-Dflags.aot.cache=x",
                "-Xint"));

    assertThat(mode.options())
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation", "-Xint");
  }

  @Test
  void theJvmsDefaultIsTheFullTieredJit() {
    assertThat(topTier()).isTrue();
    assertThat(topTier("-Xmx64m")).isTrue();
    assertThat(topTier("-XX:TieredStopAtLevel=4")).isTrue();
  }

  @Test
  void theLaunchersShortRunsHaveC1Alone() {
    assertThat(topTier("-XX:TieredStopAtLevel=1", "-Xmn8m")).isFalse();
    assertThat(topTier("-XX:TieredStopAtLevel=3")).isFalse();
  }

  @Test
  void theLastOptionOfAKindWins() {
    // The launcher's C1 alone, then FLAGS_JAVA_OPTS asking for the full JIT.
    assertThat(topTier("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4")).isTrue();
    assertThat(topTier("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1")).isFalse();
    assertThat(topTier("-Xint", "-Xmixed")).isTrue();
  }

  @Test
  void c2AloneHasTheTopTierAndTheInterpreterAloneHasNone() {
    assertThat(topTier("-XX:-TieredCompilation")).isTrue();
    assertThat(topTier("-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation")).isTrue();
    assertThat(
            topTier("-XX:-TieredCompilation", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"))
        .isFalse();
    assertThat(topTier("-Xint")).isFalse();
  }
}
