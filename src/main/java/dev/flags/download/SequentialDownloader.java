package dev.flags.download;

import java.util.ArrayList;
import java.util.List;

/** One flag after another on the calling thread: the book's {@code flags.py}. */
public final class SequentialDownloader implements Downloader {
  private final DownloadOne downloadOne;

  public SequentialDownloader(DownloadOne downloadOne) {
    this.downloadOne = downloadOne;
  }

  @Override
  public List<FlagResult> downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    List<FlagResult> results = new ArrayList<>(codes.size());
    for (String cc : codes) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      FlagResult result = downloadOne.download(cc);
      results.add(result);
      listener.onResult(result);
    }
    return results;
  }
}
