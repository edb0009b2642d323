package dev.flags.download;

import dev.flags.http.RunGuard;
import dev.flags.store.FlagStore;
import dev.flags.work.Calibration;
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
 * downloads each with {@link DownloadOne}, and answers with one result line per code on stdout (see
 * {@link WorkerProtocol}).
 *
 * <p>A worker must never outlive its parent. A watcher thread reads stdin; when it closes (the
 * parent is done, or died, even by {@code kill -9}) the worker cancels any call in flight, gives it
 * a moment to remove its temp file, and halts.
 */
public final class ProcessWorker {
  /** How long a download in flight may take to wind down once the parent is gone. */
  static final Duration GRACE = Duration.ofMillis(500);

  /** Queued when stdin closes; never a code, since the parent sends no blank lines. */
  private static final String END = "";

  private ProcessWorker() {}

  /**
   * Serves the parent on {@code input} and {@code results} until {@code input} closes. The calling
   * thread takes the worker's name ({@code pid-4242}), so results and logs say which worker it was.
   */
  public static int serve(InputStream input, PrintStream results) throws IOException {
    return serve(input, results, FlagStore::new);
  }

  /** The same, saving into the store {@code store} makes (tests break one flag's save there). */
  static int serve(
      InputStream input,
      PrintStream results,
      BiFunction<Path, BiPredicate<String, String>, FlagStore> store)
      throws IOException {
    Thread main = Thread.currentThread();
    main.setName("pid-" + ProcessHandle.current().pid());
    BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    String settingsLine = in.readLine();
    if (settingsLine == null) {
      return 0; // the parent went away before it said anything
    }
    WorkerProtocol.Setup setup = WorkerProtocol.settings(settingsLine);
    BlockingQueue<String> codes = new LinkedBlockingQueue<>();
    BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    BiPredicate<String, String> askParent =
        (fileName, cc) -> {
          results.println(WorkerProtocol.claimLine(cc, fileName));
          results.flush();
          try {
            return WorkerProtocol.granted(replies.take());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        };
    try (DownloadOne downloadOne =
        DownloadOne.open(
            setup.spec(),
            guard(setup.deadlineEpochMillis()),
            store.apply(setup.spec().dest(), askParent),
            System.nanoTime())) {
      Thread.ofPlatform()
          .daemon()
          .name("stdin-watcher")
          .start(() -> watch(in, codes, replies, downloadOne, main));
      WorkerProtocol.warmUpWriter();
      if (setup.spec().workRounds() > 0) {
        // As the parent's calibration did: the first flag's work then runs compiled.
        Calibration.ofThisMachine().warmUpOnly();
      }
      results.println(WorkerProtocol.READY);
      results.flush();
      for (String cc = codes.take(); !cc.equals(END); cc = codes.take()) {
        results.println(WorkerProtocol.startedLine(cc));
        results.flush();
        results.println(WorkerProtocol.resultLine(downloadOne.download(cc)));
        results.flush();
        if (results.checkError()) {
          break; // the parent is gone
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The run's deadline on this JVM's clock; the parent sends it as wall-clock time. */
  private static RunGuard guard(long deadlineEpochMillis) {
    return deadlineEpochMillis > 0
        ? RunGuard.until(
            System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(deadlineEpochMillis - System.currentTimeMillis()))
        : RunGuard.unlimited();
  }

  private static void watch(
      BufferedReader in,
      BlockingQueue<String> codes,
      BlockingQueue<String> replies,
      DownloadOne downloadOne,
      Thread main) {
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (WorkerProtocol.isClaimReply(line)) {
          replies.add(line);
        } else if (!line.isBlank()) {
          codes.add(line.strip());
        }
      }
    } catch (IOException e) {
      // a broken stdin means the same as a closed one
    }
    codes.add(END);
    replies.add(END); // a claim still waiting is refused
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
