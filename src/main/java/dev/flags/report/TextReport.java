package dev.flags.report;

import dev.flags.country.Shard;
import dev.flags.download.FlagResult;
import dev.flags.outcome.Connections;
import dev.flags.work.WorkDone;
import dev.flags.work.Workload;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The book's reports: {@code initial_report} before the downloads, {@code final_report} after. */
public final class TextReport {
  private TextReport() {}

  /**
   *
   *
   * <pre>
   * EMBEDDED site: http://127.0.0.1:41231/flags
   * Searching for 20 flags: from BD to VN
   * 20 concurrent connections will be used.
   * </pre>
   */
  public static void header(
      PrintWriter out, String serverLabel, String baseUrl, List<String> codes, int maxReq) {
    header(out, serverLabel, baseUrl, codes, maxReq, Shard.WHOLE);
  }

  /**
   * The same, for a run that took {@code shard} of the codes:
   *
   * <pre>
   * Searching for 7 flags (shard 2/3): BD, CN, ...
   * </pre>
   */
  public static void header(
      PrintWriter out,
      String serverLabel,
      String baseUrl,
      List<String> codes,
      int maxReq,
      Shard shard) {
    out.println(serverLabel + " site: " + baseUrl);
    out.println(
        "Searching for "
            + plural(codes.size(), "flag")
            + (shard.whole() ? "" : " (shard " + shard + ")")
            + ": "
            + which(codes));
    out.println(
        maxReq == 1
            ? "1 connection will be used."
            : maxReq + " concurrent connections will be used.");
    out.flush();
  }

  /**
   * With {@code --work}, after the header:
   *
   * <pre>
   * Each flag then computes: 100 ms = 412345 rounds of CRC-32C (calibrated in 0.31s), with a GIL.
   * </pre>
   */
  public static void work(PrintWriter out, Workload workload, boolean gil, Duration calibration) {
    if (workload.any()) {
      out.printf(
          Locale.ROOT,
          "Each flag then computes: %d ms = %d rounds of CRC-32C (calibrated in %.2fs)%s.%n",
          workload.time().toMillis(),
          workload.rounds(),
          calibration.toNanos() / 1e9,
          gil ? ", holding a GIL per process" : "");
      out.flush();
    }
  }

  /**
   *
   *
   * <pre>
   * --------------------
   *  20 flags downloaded.
   *   3 already saved.
   *   1 not found.
   *   2 errors.
   * all 2 failed: connection refused (http://localhost:8000/flags)
   * Elapsed time: 0.42s
   * CPU time: 0.80s, parallelism 1.90 (CPU time / elapsed)
   * </pre>
   *
   * The CPU line only when the flags computed ({@code --work}): otherwise the book's report, as it
   * was.
   */
  public static void footer(PrintWriter out, RunReport report) {
    out.println("-".repeat(20));
    long downloaded = report.downloaded();
    out.printf(Locale.ROOT, "%3d %s downloaded.%n", downloaded, noun(downloaded, "flag"));
    if (report.skipped() > 0) {
      out.printf(Locale.ROOT, "%3d already saved.%n", report.skipped());
    }
    if (report.notFound() > 0) {
      out.printf(Locale.ROOT, "%3d not found.%n", report.notFound());
    }
    if (report.errors() > 0) {
      out.printf(Locale.ROOT, "%3d %s.%n", report.errors(), noun(report.errors(), "error"));
      FailureSummary.line(report).ifPresent(out::println);
    }
    out.printf(Locale.ROOT, "Elapsed time: %.2fs%n", report.elapsed().toNanos() / 1e9);
    if (report.computes()) {
      out.printf(
          Locale.ROOT,
          "CPU time: %.2fs, parallelism %.2f (CPU time / elapsed)%s%n",
          report.cpuTime().toNanos() / 1e9,
          report.parallelism(),
          report.gil() ? ", with a GIL per process" : "");
    }
    out.flush();
  }

  /**
   * {@code flags report merge}: the whole run's report, and the shards' time added up (its elapsed
   * time is the longest shard's).
   *
   * <pre>
   * Merged 3 shards of 20 flags: from BD to VN
   * --------------------
   *  19 flags downloaded.
   *   1 error.
   * Elapsed time: 0.42s
   * Shards' time in all: 1.10s
   * </pre>
   */
  public static void merged(PrintWriter out, MergedReport merged) {
    List<String> codes = merged.report().codes();
    out.println(
        "Merged "
            + plural(merged.shards().size(), "shard")
            + " of "
            + plural(codes.size(), "flag")
            + ": "
            + which(codes));
    footer(out, merged.report());
    out.printf(Locale.ROOT, "Shards' time in all: %.2fs%n", merged.elapsedInAll().toNanos() / 1e9);
    out.flush();
  }

  /** {@code BR, CN, JP}, or {@code from BD to VN} when there are more than 10. */
  private static String which(List<String> codes) {
    return codes.size() <= 10
        ? String.join(", ", codes)
        : "from " + codes.getFirst() + " to " + codes.getLast();
  }

  /**
   * The {@code -v} line of one flag: when it finished (seconds since the run started), who did it
   * (a thread, or a worker process {@code pid-4242}), and how it went.
   *
   * <pre>
   *   0.132s pool-3       BR OK
   * </pre>
   */
  public static String flagLine(FlagResult result) {
    String line =
        String.format(
            Locale.ROOT,
            "%8.3fs %-12s %s",
            (result.startMs() + result.ms()) / 1e3,
            result.worker(),
            result.verboseLine());
    return result.work().any() ? line + phases(result) : line;
  }

  /**
   * With {@code --work}, the flag's three phases, each from its start: {@code ; I/O 0.012s+0.004,
   * lock 0.016s+0.120, compute 0.136s+0.101 (cpu 0.100)}.
   */
  private static String phases(FlagResult result) {
    WorkDone work = result.work();
    return String.format(
        Locale.ROOT,
        "; I/O %.3fs+%.3f, lock %.3fs+%.3f, compute %.3fs+%.3f (cpu %.3f)",
        result.startMs() / 1e3,
        work.startNanos() / 1e9 - result.startMs() / 1e3,
        work.startNanos() / 1e9,
        work.lockWaitNanos() / 1e9,
        work.computeStartNanos() / 1e9,
        work.computeNanos() / 1e9,
        work.cpuNanos() / 1e9);
  }

  /**
   * With {@code -v}, for strategies that start workers before downloading (the process pool):
   *
   * <pre>
   * Worker start-up: 0.21s (4 JVMs)
   * </pre>
   */
  public static void workerStartup(PrintWriter out, RunReport report) {
    if (!report.workerStartup().isZero()) {
      out.printf(
          Locale.ROOT,
          "Worker start-up: %.2fs (%s)%n",
          report.workerStartup().toNanos() / 1e9,
          plural(report.maxReq(), "JVM"));
      out.flush();
    }
  }

  /**
   * With {@code -v}, once per run: what the connections spoke and how many there were ({@code
   * Protocol: HTTP/1.1 over TLSv1.3, 4 connections, 4 TLS handshakes}), for a run over TLS; nothing
   * if the client in this process made no TLS connection (a process pool's workers have their own).
   */
  public static void connections(PrintWriter out, RunReport report) {
    Connections connections = report.connections();
    if (connections.tlsVersion() != null) {
      out.println(
          "Protocol: "
              + connections.describe()
              + ", "
              + plural(connections.opened(), "connection")
              + ", "
              + plural(connections.handshakes(), "TLS handshake"));
      out.flush();
    }
  }

  private static String plural(long n, String word) {
    return n + " " + noun(n, word);
  }

  private static String noun(long n, String word) {
    return n == 1 ? word : word + "s";
  }
}
