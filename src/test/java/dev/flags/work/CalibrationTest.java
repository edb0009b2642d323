package dev.flags.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Calibration's arithmetic against a machine whose speed the test decides: its clocks advance by
 * the cost of the rounds run. The real machine's speed is measured by {@code flags bench}.
 */
class CalibrationTest {

  /** A machine where round number {@code n} (counted from the first) costs {@code cost(n)} ns. */
  private static final class Simulated implements Calibration.Probe {
    private final LongUnaryOperator cost;
    private long rounds;
    private long nanos;
    long compilerMillis;

    /** Compilation time added by each batch until this many rounds have run. */
    long compilingUntil;

    /**
     * Every this many batches, one runs 40 times slower (another process had the core); 0: none.
     */
    int slowEvery;

    private int batches;

    /** Whether a top tier (C2) compiles the work late, as under the full tiered JIT. */
    boolean topTier;

    Simulated(LongUnaryOperator cost) {
      this.cost = cost;
    }

    @Override
    public void run(long batch) {
      long factor = slowEvery > 0 && ++batches % slowEvery == 0 ? 40 : 1;
      for (long i = 0; i < batch; i++) {
        nanos += factor * cost.applyAsLong(rounds++);
      }
      if (rounds < compilingUntil) {
        compilerMillis++;
      }
    }

    @Override
    public long cpuNanos() {
      return nanos;
    }

    @Override
    public long wallNanos() {
      return nanos;
    }

    @Override
    public long compilerMillis() {
      return compilerMillis;
    }

    @Override
    public boolean topTier() {
      return topTier;
    }
  }

  /**
   * The full tiered JIT: interpreted at 20 us a round, C1's code at 1 us from round 1,000 (the
   * compiler busy until {@code compilingUntil}), then C2's at 250 ns from round {@code c2From},
   * compiled in the background where the compiler's total time does not show it until it is done.
   */
  private static Simulated tiered(long compilingUntil, long c2From) {
    Simulated machine = new Simulated(n -> n < 1_000 ? 20_000 : n < c2From ? 1_000 : 250);
    machine.compilingUntil = compilingUntil;
    machine.topTier = true;
    return machine;
  }

  @Test
  void theRoundsThatFillTheTimeAskedFor() {
    Calibration calibration = new Calibration(new Simulated(n -> 1_000));

    assertThat(calibration.roundsFor(Duration.ofMillis(50))).isEqualTo(50_000);
    assertThat(calibration.roundsFor(Duration.ofMillis(1))).isEqualTo(1_000);
  }

  @Test
  void theSlowRoundsBeforeTheJitIsDoneAreNotCounted() {
    // Interpreted at 20 us a round, then a first compiled form at 5 us, then the final one at 1 us;
    // the compiler works until the final form is in.
    Simulated machine = new Simulated(n -> n < 5_000 ? 20_000 : n < 25_000 ? 5_000 : 1_000);
    machine.compilingUntil = 25_000;

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(50))).isEqualTo(50_000);
  }

  @Test
  void theWarmUpLastsWhileTheCompilerIsBusyEvenIfTheSpeedLooksSteady() {
    // Steady at 5 us while the compiler works for 100,000 rounds, then 1 us.
    Simulated machine = new Simulated(n -> n < 100_000 ? 5_000 : 1_000);
    machine.compilingUntil = 100_000;

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(50))).isEqualTo(50_000);
  }

  @Test
  void aFewSlowBatchesDoNotMoveTheMedian() {
    Simulated machine = new Simulated(n -> 1_000);
    machine.slowEvery = 3;

    assertThat(new Calibration(machine).nanosPerRound()).isEqualTo(1_000.0);
  }

  @Test
  void aCompilerThatNeverRestsStillEndsTheWarmUp() {
    Simulated machine = new Simulated(n -> 1_000);
    machine.compilingUntil = Long.MAX_VALUE;

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(10))).isEqualTo(10_000);
  }

  @Test
  void underTheFullJitASteadyC1SpeedIsNotTheEndWhenC2ComesWithinTheMinimum() {
    // C1's speed is steady and the compiler quiet for 150 ms before C2's code is in: a warm-up for
    // C1 alone would have stopped there, at 4 times the final time per round.
    Simulated machine = tiered(1_000, 150_000);

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(50))).isEqualTo(200_000);
  }

  @Test
  void underTheFullJitC2ComingAfterTheMinimumIsAwaitedWhileTheSpeedWasSteadyOnlyBriefly() {
    // The compiler works until 270 ms of CPU, C2's code is in at 420 ms: after the minimum, within
    // the steady stretch the warm-up asks for.
    Simulated machine = tiered(250_000, 400_000);

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(50))).isEqualTo(200_000);
  }

  @Test
  void withC1AloneTheSameMachineStopsAtC1sSpeed() {
    // What the launcher's short runs do: no C2 to wait for, so the warm-up stays short.
    Simulated machine = tiered(1_000, 150_000);
    machine.topTier = false;

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(50))).isEqualTo(50_000);
    assertThat(machine.cpuNanos()).isLessThan(Calibration.WarmUp.TOP_TIER.minCpuNanos());
  }

  @Test
  void underTheFullJitTheWarmUpCoversTheMinimumOfCpuAndRounds() {
    Simulated machine = new Simulated(n -> 1_000);
    machine.topTier = true;

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(10))).isEqualTo(10_000);
    assertThat(machine.cpuNanos())
        .isGreaterThanOrEqualTo(Calibration.WarmUp.TOP_TIER.minCpuNanos());
    assertThat(machine.rounds).isGreaterThanOrEqualTo(Calibration.WarmUp.TOP_TIER.minRounds());
  }

  @Test
  void underTheFullJitACompilerThatNeverRestsStillEndsTheWarmUp() {
    Simulated machine = new Simulated(n -> 1_000);
    machine.compilingUntil = Long.MAX_VALUE;
    machine.topTier = true;

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(10))).isEqualTo(10_000);
    assertThat(machine.wallNanos())
        .isGreaterThanOrEqualTo(Calibration.WarmUp.TOP_TIER.maxWallNanos());
  }

  @Test
  void aWorkersWarmUpEndsOnceItsRoundsRunAsFastAsTheParents() {
    Simulated machine = tiered(1_000, 150_000);

    new Calibration(machine).warmUpOnly(250);

    assertThat(machine.rounds).as("not before C2's code is in").isGreaterThan(150_000);
    assertThat(machine.cpuNanos()).isLessThan(Calibration.WarmUp.TOP_TIER.minCpuNanos());
  }

  @Test
  void aWorkerThatNeverGetsAsFastAsItsParentWarmsUpAsCalibrationDoes() {
    Simulated machine = tiered(1_000, 150_000);

    new Calibration(machine).warmUpOnly(100);

    assertThat(machine.rounds).isGreaterThan(150_000);
    assertThat(machine.cpuNanos())
        .isGreaterThanOrEqualTo(Calibration.WarmUp.TOP_TIER.minCpuNanos());
  }

  @Test
  void noTimeIsNoRounds() {
    assertThat(new Calibration(new Simulated(n -> 1_000)).roundsFor(Duration.ZERO)).isZero();
  }
}
