package dev.flags.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Calibration's arithmetic against a machine whose speed the test decides: its clock advances by
 * the cost of the rounds run. The real machine's speed is measured by {@code flags bench}.
 */
class CalibrationTest {

  /** A machine where round number {@code n} (counted from the first) costs {@code cost(n)} ns. */
  private static final class Simulated implements Calibration.Probe {
    private final LongUnaryOperator cost;
    private long rounds;
    private long nanos;

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
    }

    @Override
    public long cpuNanos() {
      return nanos;
    }
  }

  @Test
  void theRoundsThatFillTheTimeAskedFor() {
    Calibration calibration = new Calibration(new Simulated(n -> 1_000));

    assertThat(calibration.roundsFor(Duration.ofMillis(50))).isEqualTo(50_000);
    assertThat(calibration.roundsFor(Duration.ofMillis(1))).isEqualTo(1_000);
  }

  @Test
  void theSlowFirstRoundsAreNotCounted() {
    // The first rounds pay for class initialisation: 50 us each, then 1 us.
    Simulated machine = new Simulated(n -> n < 100 ? 50_000 : 1_000);

    assertThat(new Calibration(machine).roundsFor(Duration.ofMillis(50))).isEqualTo(50_000);
  }

  @Test
  void aFewSlowBatchesDoNotMoveTheMedian() {
    Simulated machine = new Simulated(n -> 1_000);
    machine.slowEvery = 3;

    assertThat(new Calibration(machine).nanosPerRound()).isEqualTo(1_000.0);
  }

  @Test
  void itLastsAboutTenBatchesOfCpu() {
    Simulated machine = new Simulated(n -> 1_000);

    new Calibration(machine).nanosPerRound();

    assertThat(machine.cpuNanos())
        .isLessThanOrEqualTo(
            (Calibration.WARM_UP_BATCHES + Calibration.MEASURED_BATCHES) * Calibration.BATCH_NANOS);
  }

  @Test
  void anyPositiveTimeIsAtLeastOneRound() {
    Calibration calibration = new Calibration(new Simulated(n -> 1_000_000));

    assertThat(calibration.roundsFor(Duration.ofNanos(10))).isEqualTo(1);
  }

  @Test
  void noTimeIsNoRounds() {
    assertThat(new Calibration(new Simulated(n -> 1_000)).roundsFor(Duration.ZERO)).isZero();
  }
}
