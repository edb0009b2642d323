package dev.flags.download.pool;

import dev.flags.download.DownloadOne;
import dev.flags.download.RunSpec;
import dev.flags.http.RunGuard;
import dev.flags.store.FlagStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The worker side of {@link ProcessPoolDownloader}: reads the settings and then codes from stdin,
 * downloads each with {@link DownloadOne}, and answers with the same {@link Message} types on
 * stdout.
 *
 * <p>A worker must never outlive its parent. A watcher thread reads stdin; when it closes (the
 * parent is done, or died, even by {@code kill -9}) the worker cancels any call in flight, gives it
 * a moment to remove its temp file, and halts.
 */
public final class ProcessWorker {
  /** How long a download in flight may take to wind down once the parent is gone. */
  static final Duration GRACE = Duration.ofMillis(500);

  /** Queued when stdin closes; never a code. */
  private static final String END = "";

  private final PrintStream out;
  private final BiFunction<Path, BiPredicate<String, String>, FlagStore> store;
  private final BlockingQueue<String> codes = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> claims = new LinkedBlockingQueue<>();

  private ProcessWorker(
      PrintStream out, BiFunction<Path, BiPredicate<String, String>, FlagStore> store) {
    this.out = out;
    this.store = store;
  }

  /**
   * Serves the parent on {@code input} and {@code output} until {@code input} closes. The calling
   * thread takes the worker's name ({@code pid-4242}), so results and logs say which worker it was.
   */
  public static int serve(InputStream input, PrintStream output) throws IOException {
    return serve(input, output, FlagStore::new);
  }

  /**
   * The same, saving into the store {@code store} makes of the destination and the parent's claims
   * (a test breaks one flag's save there).
   */
  static int serve(
      InputStream input,
      PrintStream output,
      BiFunction<Path, BiPredicate<String, String>, FlagStore> store)
      throws IOException {
    Thread main = Thread.currentThread();
    main.setName("pid-" + ProcessHandle.current().pid());
    BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    String first = in.readLine();
    if (first == null) {
      return 0; // the parent went away before it said anything
    }
    if (!(Messages.toWorker(first).orElse(null) instanceof Message.Settings settings)) {
      throw new IOException("expected the settings, got " + Messages.shown(first));
    }
    Messages.warmUpWorker();
    new ProcessWorker(output, store).serve(settings, in, main);
    return 0;
  }

  private void serve(Message.Settings settings, BufferedReader in, Thread main) {
    RunSpec spec = settings.spec();
    try (DownloadOne downloadOne =
        DownloadOne.open(
            spec,
            guard(settings.deadlineEpochMillis()),
            store.apply(spec.fetch().dest(), this::claim),
            System.nanoTime())) {
      Thread.ofPlatform().daemon().name("stdin-watcher").start(() -> watch(in, downloadOne, main));
      send(new Message.Ready());
      for (String cc = codes.take(); !cc.equals(END); cc = codes.take()) {
        send(new Message.Started(cc));
        send(new Message.Result(downloadOne.download(cc)));
        if (out.checkError()) {
          break; // the parent is gone
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run's deadline on this JVM's clock; the parent sends it as wall-clock time. */
  private static RunGuard guard(long deadlineEpochMillis) {
    return deadlineEpochMillis > 0
        ? RunGuard.until(
            System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(deadlineEpochMillis - System.currentTimeMillis()))
        : RunGuard.unlimited();
  }

  /** Asks the parent to reserve a file name for the flag; waits for its answer. */
  private boolean claim(String fileName, String cc) {
    send(new Message.Claim(cc, fileName));
    try {
      return claims.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void send(Message.ToParent message) {
    out.println(Messages.line(message));
    out.flush();
  }

  private void watch(BufferedReader in, DownloadOne downloadOne, Thread main) {
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        switch (Messages.toWorker(line).orElse(null)) {
          case Message.Download download -> codes.add(download.cc());
          case Message.Claimed claimed -> claims.add(claimed.granted());
          case Message.Settings settings -> {} // sent once, first: read before this loop
          case null -> {} // no message: nothing a parent sends, so nothing to do
        }
      }
    } catch (IOException e) {
      // a broken stdin means the same as a closed one
    }
    codes.add(END);
    claims.add(false); // a claim still waiting is refused
    downloadOne.cancel(); // a call in flight ends now, a retry's backoff too
    try {
      main.join(GRACE);
    } catch (InterruptedException e) {
      // halting anyway
    }
    downloadOne.removeTempFiles();
    Runtime.getRuntime().halt(0);
  }
}
