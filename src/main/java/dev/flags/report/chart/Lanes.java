package dev.flags.report.chart;

import dev.flags.download.FlagResult;
import dev.flags.download.Mode;
import dev.flags.report.RunReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of a timeline and which request goes in which. A thread or a worker process is a lane of
 * its own. Async calls have no worker while they wait: their lanes are the in-flight slots ({@code
 * -m} of them at most), each flag in the lowest slot free when it started, so the picture shows how
 * many calls were really in flight, not one lane per flag.
 *
 * @param kind what a lane is: {@code worker} or {@code in-flight slot}
 * @param names each lane's name, top to bottom
 * @param laneOf each request's lane, by identity
 */
record Lanes(String kind, List<String> names, Map<FlagResult, Integer> laneOf) {
  static final String WORKER = "worker";
  static final String SLOT = "in-flight slot";

  /** {@code 4 workers}, {@code 100 in-flight slots}. */
  String axisLabel() {
    return size() + " " + kind + (size() == 1 ? "" : "s");
  }

  static Lanes of(RunReport report) {
    return report.modes().equals(List.of(Mode.ASYNC))
        ? bySlot(report.results())
        : byWorker(report.results());
  }

  int size() {
    return names.size();
  }

  int of(FlagResult result) {
    return laneOf.get(result);
  }

  /** Workers in natural order (pool-2 before pool-10), a lane each. */
  static Lanes byWorker(List<FlagResult> results) {
    TreeSet<String> workers = new TreeSet<>(NATURAL);
    results.forEach(r -> workers.add(r.worker()));
    Map<String, Integer> laneOfWorker = new LinkedHashMap<>();
    workers.forEach(worker -> laneOfWorker.put(worker, laneOfWorker.size()));
    IdentityHashMap<FlagResult, Integer> laneOf = new IdentityHashMap<>();
    results.forEach(r -> laneOf.put(r, laneOfWorker.get(r.worker())));
    return new Lanes(WORKER, List.copyOf(workers), laneOf);
  }

  /** Each request in the lowest slot free at its start: a slot frees when its call ends. */
  static Lanes bySlot(List<FlagResult> results) {
    List<FlagResult> byStart = new ArrayList<>(results);
    byStart.sort(
        Comparator.comparingLong(FlagResult::startMs).thenComparingLong(r -> r.startMs() + r.ms()));
    List<Long> slotEnds = new ArrayList<>();
    IdentityHashMap<FlagResult, Integer> laneOf = new IdentityHashMap<>();
    for (FlagResult r : byStart) {
      int slot = 0;
      while (slot < slotEnds.size() && slotEnds.get(slot) > r.startMs()) {
        slot++;
      }
      if (slot == slotEnds.size()) {
        slotEnds.add(0L);
      }
      slotEnds.set(slot, r.startMs() + r.ms());
      laneOf.put(r, slot);
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= slotEnds.size(); i++) {
      names.add("slot " + i);
    }
    return new Lanes(SLOT, names, laneOf);
  }

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** Orders names by their text before the first number, then by that number, then as text. */
  private static final Comparator<String> NATURAL =
      Comparator.comparing((String s) -> s.split("\\d", 2)[0])
          .thenComparingLong(
              s -> {
                Matcher m = NUMBER.matcher(s);
                return m.find() && m.group().length() < 18 ? Long.parseLong(m.group()) : -1;
              })
          .thenComparing(Comparator.naturalOrder());
}
