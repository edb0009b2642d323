package dev.flags.download;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes results on in the order their codes were submitted, holding back those that finish early:
 * the order of the book's {@code Executor.map}, where a slow first flag delays every line after it
 * (the work itself is not delayed). Like every listener it is called from one thread.
 */
public final class SubmissionOrder implements ResultListener {
  private final List<String> codes;
  private final ResultListener next;
  private final Map<String, FlagResult> early = new HashMap<>();
  private int due;

  /**
   * @param codes the codes in submission order, each once
   * @param next hears the results in that order
   */
  public SubmissionOrder(List<String> codes, ResultListener next) {
    this.codes = List.copyOf(codes);
    this.next = next;
  }

  @Override
  public void onResult(FlagResult result) {
    early.put(result.cc(), result);
    while (due < codes.size() && early.containsKey(codes.get(due))) {
      next.onResult(early.remove(codes.get(due++)));
    }
  }
}
