package dev.flags.download;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * The concurrency strategies {@code --mode} chooses between, with their default concurrency: a
 * plain value. The strategy for each is made beside the engine ({@code engine.Strategies}); the
 * run's concurrency is decided by {@link Parallelism}.
 */
public enum Mode {
  /** One flag at a time: the book's flags.py. */
  SEQUENTIAL(1),
  /** A pool of platform threads: the book's flags_threadpool.py. */
  THREADS(30),
  /**
   * A pool of worker JVMs, one per core by default: the book's ProcessPoolExecutor. More workers
   * than cores only adds JVM start-up and memory, since each worker does one flag at a time.
   */
  PROCESSES(Runtime.getRuntime().availableProcessors()),
  /**
   * One virtual thread per flag; 100 at once by default. Virtual threads cost next to nothing, so
   * the cap is there for the server's sake, not the client's.
   */
  VIRTUAL(100),
  /**
   * Non-blocking OkHttp calls, the book's asyncio version; 100 in flight by default, as VIRTUAL.
   */
  ASYNC(100);

  private final int defaultMaxReq;

  Mode(int defaultMaxReq) {
    this.defaultMaxReq = defaultMaxReq;
  }

  /** The concurrency used when {@code -m} is not given. */
  public int defaultMaxReq() {
    return defaultMaxReq;
  }

  /** The mode its label names ({@code threads}); empty if none does. */
  public static Optional<Mode> ofLabel(String label) {
    for (Mode mode : values()) {
      if (mode.label().equals(label)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  /** The name users type: {@code threads}; also its name in JSON and CSV. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
