package dev.flags.download;

import java.time.Duration;
import java.util.List;

/**
 * A strategy whose workers take time to start (the process pool's JVMs): the engine asks it, after
 * the run, for the report's start-up figures. Strategies whose workers are threads do not have it.
 */
public interface StartupReporting {
  /**
   * Time spent starting workers before the first download could begin. Valid after {@link
   * Downloader#downloadMany}.
   */
  Duration startupTime();

  /** Each worker process's start-up, in launch order. After the run. */
  List<WorkerStartup> workerStartups();
}
