package dev.flags.bench;

import dev.flags.download.Mode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One cell of the benchmark matrix: a mode and the concurrency it really uses.
 *
 * @param maxReq the effective concurrency: what the mode uses, at most the number of codes
 */
public record Cell(Mode mode, int maxReq) {

  /**
   * Each mode with each {@code maxReqs} (or with its own default when the list is empty), made
   * effective and without repeats: sequential with {@code 1,4,16} is one cell, not three.
   */
  public static List<Cell> matrix(List<Mode> modes, List<Integer> maxReqs, int codes) {
    LinkedHashSet<Cell> cells = new LinkedHashSet<>();
    for (Mode mode : modes) {
      List<Integer> wanted = maxReqs.isEmpty() ? List.of(mode.defaultMaxReq()) : maxReqs;
      for (int m : wanted) {
        cells.add(new Cell(mode, Math.min(mode.effectiveMaxReq(m), Math.max(codes, 1))));
      }
    }
    return new ArrayList<>(cells);
  }

  /** {@code threads -m 30}: how the cell is named in progress lines and charts. */
  public String label() {
    return mode.label() + " -m " + maxReq;
  }
}
