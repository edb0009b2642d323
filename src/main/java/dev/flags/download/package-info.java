/**
 * How flags are downloaded: a run's description ({@link dev.flags.download.RunSpec}, built by name
 * with a {@link dev.flags.download.RunSpecBuilder}), the per-flag work every mode shares ({@link
 * dev.flags.download.DownloadOne} driving the named {@link dev.flags.download.FlagSteps}), and one
 * {@link dev.flags.download.Downloader} per concurrency strategy, which only schedules that work:
 * sequential, a thread pool, virtual threads, enqueued calls, and a pool of worker JVMs. The run
 * around them is the engine's ({@code dev.flags.engine}).
 */
package dev.flags.download;
