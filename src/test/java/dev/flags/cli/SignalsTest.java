package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/** Real signals raised in this JVM; the halt is replaced so the test JVM survives the second. */
class SignalsTest {

  @Test
  void theFirstSignalStopsTheRunAndTheSecondHaltsWithTheFirstOnesCode() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch halted = new CountDownLatch(1);
    AtomicInteger haltCode = new AtomicInteger();
    AtomicInteger cleanups = new AtomicInteger();
    try (Signals signals =
        Signals.install(
            stopped::countDown,
            cleanups::incrementAndGet,
            code -> {
              haltCode.set(code);
              halted.countDown();
            })) {
      Signal.raise(new Signal("TERM"));
      assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(signals.received()).isEqualTo(ExitCodes.SIGTERM);
      assertThat(cleanups.get()).isZero();

      Signal.raise(new Signal("INT"));
      assertThat(halted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(cleanups.get()).isEqualTo(1); // temp files removed before halting
      assertThat(haltCode.get()).isEqualTo(ExitCodes.SIGTERM);
    }
  }

  @Test
  void sigintMeans130AndNoneMeans0() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    try (Signals signals = Signals.install(stopped::countDown, () -> {}, code -> {})) {
      Signal.raise(new Signal("INT"));
      assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(signals.received()).isEqualTo(ExitCodes.SIGINT);
    }
    assertThat(Signals.none().received()).isZero();
  }
}
