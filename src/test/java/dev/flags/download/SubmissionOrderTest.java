package dev.flags.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.outcome.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionOrderTest {
  private static FlagResult ok(String cc) {
    return FlagResult.of(cc, Outcome.saved(1, cc + ".gif")).withWorker("t");
  }

  @Test
  void holdsBackResultsUntilEveryEarlierCodeHasCome() {
    List<String> passed = new ArrayList<>();
    SubmissionOrder order =
        new SubmissionOrder(List.of("AR", "BR", "CN", "DE"), r -> passed.add(r.cc()));

    order.onResult(ok("CN"));
    order.onResult(ok("BR"));
    assertThat(passed).isEmpty();
    order.onResult(ok("AR"));
    assertThat(passed).containsExactly("AR", "BR", "CN");
    order.onResult(ok("DE"));
    assertThat(passed).containsExactly("AR", "BR", "CN", "DE");
  }
}
