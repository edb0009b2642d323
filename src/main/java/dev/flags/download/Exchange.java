package dev.flags.download;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import okhttp3.Call;
import okhttp3.Response;

/**
 * How a flag's requests are sent: the one thing its blocking and its enqueued downloads do
 * differently, so that {@link DownloadOne} writes the order of its steps once, over this.
 */
interface Exchange {
  /**
   * Sends {@code call}, then goes on with {@code then}: given the response and null, or null and
   * why the call failed. The exchange closes the response once {@code then} returns.
   */
  <T> CompletableFuture<T> send(Call call, BiFunction<Response, IOException, T> then);

  /**
   * On the calling thread: the call is executed and {@code then} runs there too, so the future is
   * complete when it is returned, and what is composed on it runs at once, on the same thread.
   */
  Exchange BLOCKING =
      new Exchange() {
        @Override
        public <T> CompletableFuture<T> send(Call call, BiFunction<Response, IOException, T> then) {
          try (Response response = call.execute()) {
            return CompletableFuture.completedFuture(then.apply(response, null));
          } catch (IOException e) {
            return CompletableFuture.completedFuture(then.apply(null, e));
          }
        }
      };

  /**
   * Enqueued ({@link EnqueuedCalls}): no thread waits for the server, and {@code then} runs on
   * {@code continuations}.
   */
  static Exchange enqueued(Executor continuations) {
    return new Exchange() {
      @Override
      public <T> CompletableFuture<T> send(Call call, BiFunction<Response, IOException, T> then) {
        return EnqueuedCalls.send(call, continuations)
            .handle(
                (answer, e) -> {
                  try (Response response = answer) {
                    return then.apply(response, EnqueuedCalls.failure(e));
                  }
                });
      }
    };
  }
}
