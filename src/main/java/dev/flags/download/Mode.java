package dev.flags.download;

import dev.flags.download.pool.ProcessPoolDownloader;
import java.util.Locale;

/** The concurrency strategies {@code --mode} chooses between, with their default concurrency. */
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

  /** The default concurrency against the book's public site, unless {@code -m} asks for more. */
  public static final int POLITE_MAX_REQ = 5;

  private final int defaultMaxReq;

  Mode(int defaultMaxReq) {
    this.defaultMaxReq = defaultMaxReq;
  }

  /** The concurrency used when {@code -m} is not given. */
  public int defaultMaxReq() {
    return defaultMaxReq;
  }

  /** The concurrency this mode really uses for {@code requested} concurrency. */
  public int effectiveMaxReq(int requested) {
    return this == SEQUENTIAL ? 1 : requested;
  }

  /**
   * The strategy for this mode, at the run's concurrency. Thread-based strategies run {@code
   * downloadOne} in this JVM; the process pool hands {@code spec} to its workers, which open their
   * own.
   */
  public Downloader create(DownloadOne downloadOne, RunSpec spec) {
    int concurrency = Math.max(1, spec.concurrency());
    return switch (this) {
      case SEQUENTIAL -> new SequentialDownloader(downloadOne);
      case THREADS -> new ThreadPoolDownloader(downloadOne, concurrency);
      case PROCESSES -> new ProcessPoolDownloader(downloadOne, spec);
      case VIRTUAL -> new VirtualThreadDownloader(downloadOne, concurrency);
      case ASYNC -> new AsyncDownloader(downloadOne, concurrency);
    };
  }

  /** The name users type: {@code threads}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
