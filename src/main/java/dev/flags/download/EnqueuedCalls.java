package dev.flags.download;

import dev.flags.http.FetchException;
import dev.flags.outcome.Cause;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * The bridge from OkHttp's {@code enqueue} callbacks to futures, the book's asyncio on the JVM:
 * OkHttp's callback threads only hand over, and what follows a call (reading a body, saving a file:
 * blocking work) runs on the run's continuations, so a slow body never holds up another flag's
 * callback.
 */
final class EnqueuedCalls {
  private EnqueuedCalls() {}

  /** Enqueues {@code call}; the future completes with its response, on {@code continuations}. */
  static CompletableFuture<Response> send(Call call, Executor continuations) {
    CompletableFuture<Response> answer = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            continueOn(continuations, () -> answer.completeExceptionally(e), null, answer);
          }

          @Override
          public void onResponse(Call call, Response response) {
            continueOn(continuations, () -> answer.complete(response), response, answer);
          }
        });
    return answer;
  }

  /**
   * The I/O failure that failed a call's future, or null if it did not fail; anything else is no
   * failure of the call and goes on as it is (the flag's work makes it an internal error).
   */
  static IOException failure(Throwable e) {
    if (e == null) {
      return null;
    }
    Throwable cause = e instanceof CompletionException ? e.getCause() : e;
    if (cause instanceof IOException io) {
      return io;
    }
    throw e instanceof RuntimeException re ? re : new CompletionException(cause);
  }

  /**
   * Runs {@code step} on {@code continuations}. If the run is being torn down (the executor
   * refuses), closes the response nobody will read and ends the call as cancelled.
   */
  private static void continueOn(
      Executor continuations,
      Runnable step,
      Response response,
      CompletableFuture<Response> answer) {
    try {
      continuations.execute(step);
    } catch (RejectedExecutionException e) {
      if (response != null) {
        response.close();
      }
      answer.completeExceptionally(new FetchException(new Cause.Cancelled(), e));
    }
  }
}
