package dev.flags.download;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * Non-blocking calls, the book's asyncio version: each flag is an OkHttp call {@code enqueue}d with
 * a callback, bridged to a {@link CompletableFuture} of its result. No thread waits for a server.
 *
 * <p>The calling thread keeps {@code maxReq} flags in flight and starts the next one as each
 * finishes (the book's {@code asyncio.Semaphore}). Counting from enqueue to saved file, rather than
 * relying on OkHttp's dispatcher alone (which frees a slot as soon as the headers are in), keeps
 * {@code -m} a true cap and each flag's start time true.
 *
 * <p>With a deadline, calls in flight are cut when it passes (see {@link DownloadOne#newCall}) and
 * report it themselves; a flag still without a result a grace period later is reported {@code
 * deadline}, as in {@link CompletionLoop}.
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
  public List<FlagResult> downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    BlockingQueue<CompletableFuture<FlagResult>> finished = new LinkedBlockingQueue<>();
    Map<String, InFlight> inFlight = new LinkedHashMap<>();
    List<FlagResult> results = new ArrayList<>(codes.size());
    ExecutorService continuations =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("async-", 1).factory());
    Iterator<String> next = codes.iterator();
    try {
      while (inFlight.size() < Math.max(1, maxReq) && next.hasNext()) {
        start(next.next(), continuations, inFlight, finished);
      }
      while (results.size() < codes.size()) {
        CompletableFuture<FlagResult> done = next(finished);
        if (done == null) {
          break; // past the deadline and its grace: stop waiting
        }
        FlagResult result = join(done);
        inFlight.remove(result.cc());
        results.add(result);
        listener.onResult(result);
        if (next.hasNext()) {
          start(next.next(), continuations, inFlight, finished);
        }
      }
      // Only after the deadline: what is still out, or never went out, is reported unfinished.
      List<String> unfinished = new ArrayList<>(inFlight.keySet());
      next.forEachRemaining(unfinished::add);
      for (String cc : unfinished) {
        FlagResult result = downloadOne.unfinished(cc);
        results.add(result);
        listener.onResult(result);
      }
      return results;
    } finally {
      inFlight.values().forEach(flight -> flight.call().cancel());
      awaitEnded(inFlight.values());
      CompletionLoop.stop(continuations);
    }
  }

  /**
   * Waits, at most {@link CompletionLoop#GRACE_NANOS}, for the calls just cancelled to end. A
   * cancelled call may still be inside OkHttp's connect, on a dispatcher thread: a connection it
   * opened after the run emptied the pool would stay open, idle, with the server waiting on it
   * (HostileServerTest's slow drip caught one run in ~8 leaving one behind). Once the calls have
   * ended, closing the client closes every connection.
   */
  private static void awaitEnded(Collection<InFlight> calls) {
    try {
      CompletableFuture.allOf(
              calls.stream().map(InFlight::result).toArray(CompletableFuture[]::new))
          .get(CompletionLoop.GRACE_NANOS, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // a second Ctrl-C: stop waiting
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      // ended badly, or still stuck after the grace: closing the client is all that is left
    }
  }

  /** A call out, and the future its result will complete. */
  private record InFlight(Call call, CompletableFuture<FlagResult> result) {}

  /** The next finished flag; null once the run's deadline and its grace have passed. */
  private CompletableFuture<FlagResult> next(BlockingQueue<CompletableFuture<FlagResult>> finished)
      throws InterruptedException {
    long left = downloadOne.nanosLeft();
    if (left == Long.MAX_VALUE) {
      return finished.take();
    }
    return finished.poll(Math.max(0, left) + CompletionLoop.GRACE_NANOS, TimeUnit.NANOSECONDS);
  }

  private void start(
      String cc,
      ExecutorService continuations,
      Map<String, InFlight> inFlight,
      BlockingQueue<CompletableFuture<FlagResult>> finished) {
    long startNanos = System.nanoTime();
    Call call = downloadOne.newCall(cc);
    CompletableFuture<FlagResult> result = fetch(call, cc, startNanos, continuations);
    inFlight.put(cc, new InFlight(call, result));
    var unused = result.whenComplete((r, e) -> finished.add(result));
  }

  /** The callback-to-future bridge: enqueues the call; the future completes with its result. */
  private CompletableFuture<FlagResult> fetch(
      Call call, String cc, long startNanos, ExecutorService continuations) {
    CompletableFuture<FlagResult> result = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            continueOn(continuations, result, () -> downloadOne.failed(cc, e, startNanos), null);
          }

          @Override
          public void onResponse(Call call, Response response) {
            continueOn(
                continuations,
                result,
                () -> {
                  try (response) {
                    return downloadOne.complete(cc, response, startNanos);
                  }
                },
                response);
          }
        });
    return result;
  }

  /**
   * Runs {@code work} on a virtual thread and completes {@code result} with what it returns. If the
   * run is being torn down (the executor refuses), closes the response nobody will read.
   */
  private static void continueOn(
      ExecutorService continuations,
      CompletableFuture<FlagResult> result,
      Supplier<FlagResult> work,
      Response response) {
    try {
      continuations.execute(
          () -> {
            try {
              result.complete(work.get());
            } catch (RuntimeException | Error e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      if (response != null) {
        response.close();
      }
      result.cancel(false);
    }
  }

  private static FlagResult join(CompletableFuture<FlagResult> done) {
    try {
      return done.join();
    } catch (CompletionException e) {
      // DownloadOne turns every failure into a result; reaching here is a bug, not a bad flag.
      throw new IllegalStateException("download task failed", e.getCause());
    }
  }
}
