package dev.flags.download;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Non-blocking calls, the book's asyncio version: each flag's requests are OkHttp calls {@code
 * enqueue}d with a callback, bridged to a {@link CompletableFuture} of its result ({@link
 * DownloadOne#downloadAsync}). No thread waits for a server.
 *
 * <p>The calling thread keeps {@code maxReq} flags in flight and starts the next one as each
 * finishes (the book's {@code asyncio.Semaphore}). Counting from enqueue to saved file, rather than
 * relying on OkHttp's dispatcher alone (which frees a slot as soon as the headers are in), keeps
 * {@code -m} a true cap and each flag's start time true.
 *
 * <p>OkHttp's callback threads only hand over: reading the body and saving the file (blocking work)
 * run on a virtual thread each, named {@code async-1}, {@code async-2}, ..., so a slow body never
 * holds up another flag's callback or eats into its call timeout.
 */
public final class AsyncDownloader implements Downloader {
  private final DownloadOne downloadOne;
  private final int maxReq;

  public AsyncDownloader(DownloadOne downloadOne, int maxReq) {
    this.downloadOne = downloadOne;
    this.maxReq = maxReq;
  }

  @Override
  public void downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    BlockingQueue<FlagResult> finished = new LinkedBlockingQueue<>();
    List<CompletableFuture<?>> started = new ArrayList<>(codes.size());
    ExecutorService continuations =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("async-", 1).factory());
    Iterator<String> next = codes.iterator();
    try {
      for (int out = 0; out < Math.max(1, maxReq) && next.hasNext(); out++) {
        started.add(
            downloadOne.downloadAsync(next.next(), continuations).thenAccept(finished::add));
      }
      for (int done = 0; done < codes.size(); done++) {
        listener.onResult(finished.take());
        if (next.hasNext()) {
          started.add(
              downloadOne.downloadAsync(next.next(), continuations).thenAccept(finished::add));
        }
      }
    } finally {
      downloadOne.cancelCalls();
      awaitEnded(started);
      CompletionLoop.stop(continuations);
    }
  }

  /**
   * Waits, at most {@link CompletionLoop#STOP_WAIT_NANOS}, for the calls just cancelled to end. A
   * cancelled call may still be inside OkHttp's connect, on a dispatcher thread: a connection it
   * opened after the run emptied the pool would stay open, idle, with the server waiting on it
   * (HostileServerTest's slow drip caught one run in ~8 leaving one behind). Once the calls have
   * ended, closing the client closes every connection.
   */
  private static void awaitEnded(List<CompletableFuture<?>> calls) {
    try {
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
          .get(CompletionLoop.STOP_WAIT_NANOS, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // a second Ctrl-C: stop waiting
    } catch (ExecutionException | TimeoutException e) {
      // still stuck after the wait: closing the client is all that is left
    }
  }
}
