package dev.flags.download;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One virtual thread per flag, at most {@code maxReq} of them downloading at once. Virtual threads
 * are cheap enough that pooling them would be wrong; what needs limiting is the number of requests
 * the server sees, and a semaphore says exactly that. It is fair, so flags start in the order they
 * were submitted. The threads are named {@code virtual-1}, {@code virtual-2}, ... for {@code -v}.
 */
public final class VirtualThreadDownloader implements Downloader {
  private final DownloadOne downloadOne;
  private final int maxReq;

  public VirtualThreadDownloader(DownloadOne downloadOne, int maxReq) {
    this.downloadOne = downloadOne;
    this.maxReq = maxReq;
  }

  @Override
  public void downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    Semaphore requests = new Semaphore(Math.max(1, maxReq), true);
    ExecutorService perFlag =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 1).factory());
    CompletionLoop.downloadAll(
        perFlag,
        codes,
        cc -> {
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
