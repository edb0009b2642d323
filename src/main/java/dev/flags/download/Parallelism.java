package dev.flags.download;

import java.util.Objects;

/**
 * How many flags a run downloads at once: the {@code --mode} and {@code -m} options. The one place
 * that decides a run's concurrency from them (the mode's default, the polite cap, sequential's 1,
 * and never more than there are codes).
 *
 * @param mode the concurrency strategy
 * @param maxReq how many requests may run at once (for processes: how many worker JVMs); always 1
 *     for {@link Mode#SEQUENTIAL}
 */
public record Parallelism(Mode mode, int maxReq) {
  /** The default concurrency against the book's public site, unless {@code -m} asks for more. */
  public static final int POLITE_MAX_REQ = 5;

  public Parallelism {
    Objects.requireNonNull(mode, "mode");
    maxReq = mode == Mode.SEQUENTIAL ? 1 : maxReq;
  }

  /** The mode at its default concurrency. */
  public static Parallelism of(Mode mode) {
    return new Parallelism(mode, mode.defaultMaxReq());
  }

  /**
   * The mode at {@code requested} concurrency, or (null) at its default; against a {@code polite}
   * server (the book's public site) the default is at most {@link #POLITE_MAX_REQ}.
   */
  public static Parallelism of(Mode mode, Integer requested, boolean polite) {
    if (requested != null) {
      return new Parallelism(mode, requested);
    }
    return polite
        ? new Parallelism(mode, Math.min(mode.defaultMaxReq(), POLITE_MAX_REQ))
        : of(mode);
  }

  /** The concurrency a run of {@code codes} flags really uses: never more than there are flags. */
  public int limit(int codes) {
    return Math.min(maxReq, codes);
  }

  /** The same, at least 1: what a pool or a client is sized for. */
  public int size(int codes) {
    return Math.max(1, limit(codes));
  }
}
