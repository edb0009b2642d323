package dev.flags.bench;

import dev.flags.download.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bench at several work sizes ({@code --work 10,50,200}) read as lines: elapsed time against the
 * work per flag, one line per mode, concurrency and lock; and where processes overtake threads.
 * Computed from the rows' medians alone.
 *
 * @param worksMs the work sizes measured, smallest first
 * @param lines one per mode, concurrency and lock, in the order the matrix ran them
 */
public record WorkSweep(List<Long> worksMs, List<Line> lines) {

  public WorkSweep {
    worksMs = List.copyOf(worksMs);
    lines = List.copyOf(lines);
  }

  /** One measured point of a line: the median at a work size, start-up included. */
  public record Point(long workMs, double medianS) {}

  /**
   * One mode, concurrency and lock across the work sizes.
   *
   * @param label {@code threads, GIL on}; with {@code -m} when the mode ran at several
   */
  public record Line(Mode mode, int maxReq, boolean gil, String label, List<Point> points) {
    public Line {
      points = List.copyOf(points);
    }
  }

  /** The lines of {@code rows}, each row a point at its own {@code work_ms}. */
  public static WorkSweep of(List<BenchRow> rows) {
    List<Long> works = rows.stream().map(BenchRow::workMs).distinct().sorted().toList();
    Map<List<Object>, List<BenchRow>> byCell = new LinkedHashMap<>();
    for (BenchRow row : rows) {
      byCell
          .computeIfAbsent(List.of(row.mode(), row.maxReq(), row.gil()), k -> new ArrayList<>())
          .add(row);
    }
    List<Line> lines = new ArrayList<>();
    for (List<BenchRow> cell : byCell.values()) {
      BenchRow first = cell.getFirst();
      boolean severalConcurrencies =
          rows.stream()
                  .filter(r -> r.mode().equals(first.mode()))
                  .map(BenchRow::maxReq)
                  .distinct()
                  .count()
              > 1;
      String label =
          first.mode().label()
              + (severalConcurrencies ? " -m " + first.maxReq() : "")
              + (first.gil() ? ", GIL on" : ", GIL off");
      List<Point> points =
          cell.stream()
              .sorted(Comparator.comparingLong(BenchRow::workMs))
              .map(r -> new Point(r.workMs(), r.medianS()))
              .toList();
      lines.add(new Line(first.mode(), first.maxReq(), first.gil(), label, points));
    }
    return new WorkSweep(works, lines);
  }

  /** Whether more than one work size was measured: then there are lines to draw. */
  public boolean sweeps() {
    return worksMs.size() > 1;
  }

  /**
   * Where processes overtake threads, without the lock and then with it, for each setting both
   * pools were measured with: at each size, each pool's fastest concurrency.
   */
  public List<BreakEven> breakEvens() {
    List<BreakEven> found = new ArrayList<>();
    for (boolean gil : List.of(false, true)) {
      List<BreakEven.Sample> samples = new ArrayList<>();
      for (long work : worksMs) {
        Optional<Double> processes = fastest(Mode.PROCESSES, gil, work);
        Optional<Double> threads = fastest(Mode.THREADS, gil, work);
        if (processes.isPresent() && threads.isPresent()) {
          samples.add(new BreakEven.Sample(work, processes.get(), threads.get()));
        }
      }
      if (!samples.isEmpty()) {
        found.add(BreakEven.of(gil, samples));
      }
    }
    return found;
  }

  /** The break-even with the lock or without it, if both pools were measured so. */
  public Optional<BreakEven> breakEven(boolean gil) {
    return breakEvens().stream().filter(b -> b.gil() == gil).findFirst();
  }

  private Optional<Double> fastest(Mode mode, boolean gil, long work) {
    return lines.stream()
        .filter(l -> l.mode() == mode && l.gil() == gil)
        .flatMap(l -> l.points().stream())
        .filter(p -> p.workMs() == work)
        .map(Point::medianS)
        .min(Double::compare);
  }
}
