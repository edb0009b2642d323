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
  void noTimeIsNoRounds() {
    assertThat(new Calibration(new Simulated(n -> 1_000)).roundsFor(Duration.ZERO)).isZero();
  }
}
