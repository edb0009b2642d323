package dev.flags.download;

import java.util.Locale;

/** The concurrency strategies {@code --mode} chooses between, with their default concurrency. */
public enum Mode {
  /** One flag at a time: the book's flags.py. */
  SEQUENTIAL(1),
  /** A pool of platform threads: the book's flags_threadpool.py. */
  THREADS(30);

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

  /** The strategy for this mode. */
  public Downloader create(DownloadOne downloadOne, int maxReq) {
    return switch (this) {
      case SEQUENTIAL -> new SequentialDownloader(downloadOne);
      case THREADS -> new ThreadPoolDownloader(downloadOne, maxReq);
    };
  }

  /** The name users type: {@code threads}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
