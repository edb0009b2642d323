package dev.flags.download;

import java.util.List;

/** One flag after another on the calling thread: the book's {@code flags.py}. */
public final class SequentialDownloader implements Downloader {
  private final DownloadOne downloadOne;

  public SequentialDownloader(DownloadOne downloadOne) {
    this.downloadOne = downloadOne;
  }

  @Override
  public void downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    for (String cc : codes) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      listener.onResult(downloadOne.download(cc));
    }
  }
}
