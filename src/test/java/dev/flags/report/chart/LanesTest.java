package dev.flags.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.FlagResult;
import dev.flags.outcome.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lane each request is drawn in. */
class LanesTest {
  private static FlagResult call(String cc, long startMs, long ms) {
    return ok(cc, 100, startMs, ms, "async-1");
  }

  private static FlagResult ok(String cc, long bytes, long startMs, long ms, String worker) {
    return FlagResult.of(cc, Outcome.saved(bytes, cc + ".gif"))
        .withAttempts(1)
        .withTime(startMs, ms)
        .withWorker(worker);
  }

  @Test
  void aCallTakesTheLowestSlotFreeWhenItStarts() {
    FlagResult a = call("AA", 0, 100);
    FlagResult b = call("BB", 0, 300);
    FlagResult c = call("CC", 10, 50);
    FlagResult d = call("DD", 100, 50); // a has ended: slot 1 is free again
    FlagResult e = call("EE", 120, 10); // c has ended: slot 3
    FlagResult f = call("FF", 125, 10); // slots 1, 2 and 3 busy: a fourth

    Lanes lanes = Lanes.bySlot(List.of(f, e, d, c, b, a)); // completion order does not matter

    assertThat(List.of(a, b, c, d, e, f)).extracting(lanes::of).containsExactly(0, 1, 2, 0, 2, 3);
    assertThat(lanes.names()).containsExactly("slot 1", "slot 2", "slot 3", "slot 4");
    assertThat(lanes.axisLabel()).isEqualTo("4 in-flight slots");
  }

  @Test
  void workersAreLanesInNaturalOrder() {
    FlagResult two = ok("AA", 1, 0, 5, "pool-2");
    FlagResult ten = ok("BB", 1, 0, 5, "pool-10");
    FlagResult twoAgain = ok("CC", 1, 5, 5, "pool-2");

    Lanes lanes = Lanes.byWorker(List.of(ten, two, twoAgain));

    assertThat(lanes.names()).containsExactly("pool-2", "pool-10");
    assertThat(List.of(two, ten, twoAgain)).extracting(lanes::of).containsExactly(0, 1, 0);
    assertThat(lanes.axisLabel()).isEqualTo("2 workers");
  }
}
