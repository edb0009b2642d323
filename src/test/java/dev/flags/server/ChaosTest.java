package dev.flags.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosTest {
  private static final Chaos BOOK_ERROR =
      Chaos.NONE.withDelay(Delay.BOOK).withErrors(0.25, 418).withSeed(42);

  @Test
  void aDecisionDependsOnlyOnSeedPathAndNumber() {
    List<Chaos.Decision> first = new ArrayList<>();
    List<Chaos.Decision> again = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      first.add(BOOK_ERROR.decide("/flags/br/br.gif", n));
    }
    for (int n = 0; n < 50; n++) {
      BOOK_ERROR.decide("/flags/jp/jp.gif", n); // other paths in between change nothing
      again.add(BOOK_ERROR.decide("/flags/br/br.gif", n));
    }
    assertThat(again).isEqualTo(first);
    assertThat(BOOK_ERROR.withSeed(43).decide("/flags/br/br.gif", 0))
        .isNotEqualTo(first.getFirst());
  }

  @Test
  void delaysStayWithinTheRangeAndSpreadOverIt() {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int n = 0; n < 10_000; n++) {
      long delay = BOOK_ERROR.decide("/flags/br/br.gif", n).delayMs();
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }
    assertThat(min).isBetween(500L, 550L);
    assertThat(max).isBetween(4_950L, 5_000L);
    assertThat(Chaos.NONE.withDelay(Delay.fixed(300)).decide("/x", 7).delayMs()).isEqualTo(300);
  }

  @Test
  void outcomesFollowTheirProbabilities() {
    Map<Fault, Double> faults = new EnumMap<>(Fault.class);
    faults.put(Fault.RESET, 0.1);
    faults.put(Fault.STATUS_503, 0.2);
    Chaos chaos = Chaos.NONE.withErrors(0.3, 500).withFaults(faults).withSeed(7);
    int errors = 0;
    Map<Fault, Integer> seen = new EnumMap<>(Fault.class);
    int total = 20_000;
    for (int n = 0; n < total; n++) {
      Chaos.Decision decision = chaos.decide("/flags/p" + (n % 200), n / 200);
      errors += decision.error() ? 1 : 0;
      decision.fault().ifPresent(f -> seen.merge(f, 1, Integer::sum));
      assertThat(decision.error() && decision.fault().isPresent()).isFalse();
    }
    assertThat(errors / (double) total).isCloseTo(0.3, within(0.02));
    assertThat(seen.get(Fault.RESET) / (double) total).isCloseTo(0.1, within(0.02));
    assertThat(seen.get(Fault.STATUS_503) / (double) total).isCloseTo(0.2, within(0.02));
    assertThat(seen).containsOnlyKeys(Fault.RESET, Fault.STATUS_503);
  }

  @Test
  void probabilityOneAlwaysHappensAndNoneNeverMisbehaves() {
    Chaos always = Chaos.NONE.withFaults(Map.of(Fault.GARBAGE, 1.0));
    Chaos.Decision none = Chaos.NONE.decide("/flags/br/br.gif", 0);
    for (int n = 0; n < 1000; n++) {
      assertThat(always.decide("/p", n).fault()).contains(Fault.GARBAGE);
    }
    assertThat(none.error()).isFalse();
    assertThat(none.fault()).isEmpty();
    assertThat(none.delayMs()).isZero();
    assertThat(Chaos.NONE.isNone()).isTrue();
    assertThat(Chaos.NONE.withSeed(9).isNone()).isTrue();
    assertThat(always.isNone()).isFalse();
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThatThrownBy(() -> Chaos.NONE.withErrors(0.7, 418).withFaults(Map.of(Fault.EMPTY, 0.4)))
        .hasMessageContaining("add up to 1.100; at most 1");
    assertThatThrownBy(() -> Chaos.NONE.withErrors(0.1, 200)).hasMessageContaining("400..599");
    assertThatThrownBy(() -> Chaos.NONE.withErrors(1.5, 418)).hasMessageContaining("0..1");
    assertThatThrownBy(() -> new Delay(5, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesItselfTheWayItIsTyped() {
    assertThat(BOOK_ERROR.describe()).isEqualTo("delay 500..5000 ms, errors 0.25 as 418, seed 42");
    assertThat(Chaos.NONE.withFaults(Map.of(Fault.SLOW_BODY, 0.5)).withSeed(1).describe())
        .isEqualTo("faults slow-body:0.5, seed 1");
    assertThat(Chaos.NONE.describe()).isEqualTo("no delay, no errors");
  }
}
