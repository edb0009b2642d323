package dev.flags.work;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Which recorded computations overlap in time: the proof a lock kept them apart, or did not. */
final class Intervals {
  private Intervals() {}

  /** Pairs ({@code "BR/CN"}) of {@code items} whose computations overlap, named by {@code name}. */
  static <T> List<String> overlapping(
      List<T> items, Function<T, WorkDone> work, Function<T, String> name) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size(); j++) {
        WorkDone a = work.apply(items.get(i));
        WorkDone b = work.apply(items.get(j));
        if (a.computeStartNanos() < b.endNanos() && b.computeStartNanos() < a.endNanos()) {
          pairs.add(name.apply(items.get(i)) + "/" + name.apply(items.get(j)));
        }
      }
    }
    return pairs;
  }

  static List<String> overlapping(List<WorkDone> done) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < done.size(); i++) {
      indexes.add(i);
    }
    return overlapping(indexes, done::get, String::valueOf);
  }
}
