package dev.flags.work;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * How a JVM compiles, as its own options say: with C1 alone (the launcher starts short runs so), or
 * with the full tiered JIT, whose top tier, C2, compiles hot code later but runs SHA-256 many times
 * faster (with the CPU's SHA instructions). Rounds calibrated in one mode take another time in the
 * other, so the calibration waits for the top tier when there is one, and a worker process that
 * computes is given its parent's mode.
 *
 * @param options the options that choose the compilers, in the order given (the last one of a kind
 *     wins, as for the JVM): {@code -XX:TieredStopAtLevel=N}, {@code -XX:[+|-]TieredCompilation},
 *     {@code -Xint}, {@code -Xmixed}, {@code -Xcomp}; empty: the JVM's default, the full tiered JIT
 */
public record JitMode(List<String> options) {
  private static final String STOP_AT = "-XX:TieredStopAtLevel=";
  private static final String TIERED = "TieredCompilation";
  private static final List<String> EXECUTION = List.of("-Xint", "-Xmixed", "-Xcomp");

  /** The level of C2, the top tier. */
  private static final int TOP_LEVEL = 4;

  public JitMode {
    options = List.copyOf(options);
  }

  /** The mode of a JVM started with {@code arguments} (its other options are left out). */
  public static JitMode of(List<String> arguments) {
    return new JitMode(arguments.stream().filter(JitMode::choosesCompilers).toList());
  }

  /** This JVM's mode. */
  public static JitMode ofThisJvm() {
    return of(ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  private static boolean choosesCompilers(String option) {
    return option.startsWith(STOP_AT)
        || option.equals("-XX:+" + TIERED)
        || option.equals("-XX:-" + TIERED)
        || EXECUTION.contains(option);
  }

  /**
   * Whether C2 compiles hot code: the full tiered JIT, or C2 alone ({@code -TieredCompilation});
   * not with C1 alone ({@code TieredStopAtLevel} 1 to 3) nor in the interpreter alone.
   */
  public boolean topTier() {
    boolean tiered = true;
    int stopAt = TOP_LEVEL;
    boolean interpreted = false;
    for (String option : options) {
      if (option.startsWith(STOP_AT)) {
        stopAt = level(option.substring(STOP_AT.length()));
      } else if (option.endsWith(TIERED)) {
        tiered = option.charAt("-XX:".length()) == '+';
      } else {
        interpreted = option.equals("-Xint");
      }
    }
    return !interpreted && (!tiered || stopAt >= TOP_LEVEL);
  }

  /** A level as the JVM took it; one it would refuse to start with counts as the top. */
  private static int level(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return TOP_LEVEL;
    }
  }
}
