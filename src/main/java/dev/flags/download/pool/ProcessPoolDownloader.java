package dev.flags.download.pool;

import dev.flags.download.Downloader;
import dev.flags.download.PoolHost;
import dev.flags.download.ResultListener;
import dev.flags.download.RunSpec;
import dev.flags.download.StartupReporting;
import dev.flags.download.WorkerStartup;
import java.time.Duration;
import java.util.List;

/**
 * A pool of worker JVMs, the book's {@code ProcessPoolExecutor}: each worker is this program's
 * hidden {@code worker} command ({@link ProcessWorker}), started with the same java binary and
 * classpath ({@link WorkerJvm}). The calling thread hands one code at a time to whichever worker is
 * free and takes results as they come ({@link Scheduler}, {@link Message}); one reader thread per
 * worker ({@link WorkerHandle}) turns its stdout into events. Workers log to the inherited stderr.
 *
 * <p>Failures are contained ({@link Supervisor}): a worker that dies mid-download (crash, {@code
 * kill -9}) has its code retried once on another worker, then reported ERROR, and a replacement
 * starts while work remains (a code handed to a worker that died before it started the code is
 * handed on without using up that retry); a frozen worker is killed once it has held a code longer
 * than a healthy one could; a worker that answers garbage fails that code and is replaced; workers
 * that cannot start at all fail the remaining codes instead of being restarted forever. When the
 * run ends, is interrupted, or fails, every worker is stopped before {@link #downloadMany} returns:
 * its stdin is closed, so it cancels what it was doing, removes its temp file and exits (and is
 * killed if it does not). If this JVM dies instead, the workers see their stdin close and do the
 * same by themselves.
 *
 * <p>Every per-flag option reaches the workers with the run's {@link RunSpec}; the run's deadline
 * is sent as wall-clock time, so each worker cuts its calls at the same moment. When the engine
 * stops waiting (Ctrl-C, or the deadline's grace has passed) it interrupts the pool, which stops
 * its workers; the engine reports the codes still out.
 */
public final class ProcessPoolDownloader implements Downloader, StartupReporting {
  /** The subcommand a worker JVM runs: {@code flags worker}, its only argument. */
  public static final String WORKER_COMMAND = "worker";

  /**
   * Set only by the AOT training ({@code dev.flags.AotTraining}): the workers record what they load
   * into the AOT configuration file it names, from which the build makes the workers' cache.
   */
  public static final String WORKER_AOT_RECORD_PROPERTY = "flags.aot.worker.record";

  private final PoolHost run;
  private final RunSpec spec;
  private final List<String> command;
  private Duration startupTime = Duration.ZERO;
  private List<WorkerStartup> workerStartups = List.of();

  /**
   * @param run the run in the parent: its clock, its deadline and its file names (the workers
   *     download, each with its own client opened from {@code spec})
   * @param spec the run, sent to each worker whole; as many workers as its concurrency
   */
  public ProcessPoolDownloader(PoolHost run, RunSpec spec) {
    this(run, spec, WorkerJvm.command(WORKER_COMMAND));
  }

  /**
   * Warms up, on a daemon thread, what the parent of a pool does with Jackson (the settings it
   * sends, the results it reads), so that a run's first use does not compete for the cores with its
   * booting workers. {@code dev.flags.Main} calls it while picocli parses a command line that asks
   * for this mode.
   */
  public static void warmUpInBackground() {
    Thread.ofPlatform().daemon().name("pool-warm-up").start(Messages::warmUpParent);
  }

  /** With another command for the workers; tests use it to run misbehaving ones. */
  ProcessPoolDownloader(PoolHost run, RunSpec spec, List<String> command) {
    this.run = run;
    this.spec = spec;
    this.command = List.copyOf(command);
  }

  /** {@code java [fast-start options] -cp <this classpath> dev.flags.Main worker}. */
  public static List<String> workerCommand() {
    return WorkerJvm.command(WORKER_COMMAND);
  }

  /**
   * How long the initial workers took to be ready, the slowest of them: from their start to the
   * moment it could take its first code. Each worker starts downloading as soon as it is ready, so
   * this overlaps the downloads of the faster ones; all of it is inside the run's elapsed time.
   */
  @Override
  public Duration startupTime() {
    return startupTime;
  }

  @Override
  public List<WorkerStartup> workerStartups() {
    return workerStartups;
  }

  @Override
  public void downloadMany(List<String> codes, ResultListener listener)
      throws InterruptedException {
    if (codes.isEmpty()) {
      return;
    }
    Scheduler scheduler = new Scheduler(run, spec, command, codes, listener);
    try {
      scheduler.run();
    } finally {
      scheduler.stopWorkers();
      startupTime = scheduler.startupTime();
      workerStartups = scheduler.workerStartups();
    }
  }
}
