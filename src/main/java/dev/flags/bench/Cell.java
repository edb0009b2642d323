package dev.flags.bench;

import dev.flags.download.Mode;
import dev.flags.download.Parallelism;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One cell of the benchmark matrix: a mode, the concurrency it really uses, and whether each
 * process has a GIL ({@code --gil}).
 *
 * @param maxReq the effective concurrency: what the mode uses, at most the number of codes
 * @param gil whether flags hold a per-process lock while they compute
 */
public record Cell(Mode mode, int maxReq, boolean gil) {

  /** A cell without the lock. */
  public Cell(Mode mode, int maxReq) {
    this(mode, maxReq, false);
  }

  /** {@link #matrix(List, List, int, List)} without the lock. */
  public static List<Cell> matrix(List<Mode> modes, List<Integer> maxReqs, int codes) {
    return matrix(modes, maxReqs, codes, List.of(false));
  }

  /**
   * Each mode with each {@code maxReqs} (or with its own default when the list is empty), made
   * effective and without repeats (sequential with {@code 1,4,16} is one cell, not three), each
   * with the lock off and/or on as {@code gils} lists, off first.
   */
  public static List<Cell> matrix(
      List<Mode> modes, List<Integer> maxReqs, int codes, List<Boolean> gils) {
    LinkedHashSet<Cell> cells = new LinkedHashSet<>();
    for (Mode mode : modes) {
      List<Integer> wanted = maxReqs.isEmpty() ? List.of(mode.defaultMaxReq()) : maxReqs;
      for (int m : wanted) {
        for (boolean gil : gils) {
          cells.add(new Cell(mode, new Parallelism(mode, m).limit(Math.max(codes, 1)), gil));
        }
      }
    }
    return new ArrayList<>(cells);
  }

  /** {@code threads -m 30}, {@code threads -m 30 --gil}: how progress lines and charts name it. */
  public String label() {
    return mode.label() + " -m " + maxReq + (gil ? " --gil" : "");
  }
}
