package dev.flags.download;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One virtual thread per flag, at most {@code maxReq} of them downloading at once. Virtual threads
 * are cheap enough that pooling them would be wrong; what needs limiting is the number of requests
 * the server sees, and a semaphore says exactly that. It is fair, so flags start in the order they
 * were submitted. A deadline is honoured as {@link CompletionLoop} says.
 *
 * <p>The threads are named {@code virtual-1}, {@code virtual-2}, ... so that {@code -v} shows which
 * one did each flag.
 */
public final class VirtualThreadDownloader implements Downloader {
  private final DownloadOne downloadOne;
  private final int maxReq;

  public VirtualThreadDownloader(DownloadOne downloadOne, int maxReq) {
    this.downloadOne = downloadOne;
    this.maxReq = maxReq;
  }

  @Override
  public List<FlagResult> downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    Semaphore requests = new Semaphore(Math.max(1, maxReq), true);
    return CompletionLoop.downloadAll(
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 1).factory()),
        downloadOne,
        codes,
        cc ->
            () -> {
              requests.acquire();
              try {
                return downloadOne.download(cc);
              } finally {
                requests.release();
              }
            },
        listener);
  }
}
