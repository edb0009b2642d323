/**
 * The process pool, {@code --mode=processes}: {@link dev.flags.download.pool.ProcessPoolDownloader}
 * is its entry, one small class per job behind it. {@code WorkerJvm} builds a worker's command
 * line; {@code WorkerHandle} is one worker JVM (its process, its reader thread, its typed {@code
 * WorkerState}); {@link dev.flags.download.pool.Message} are the JSON lines both sides exchange;
 * {@code Supervisor} starts, replaces and stops workers and hands on the code of one that died or
 * froze within the {@code Task} budgets, {@code Overdue} telling it when a worker is taken for one
 * that cannot start or for frozen; {@code Scheduler} is the loop that hands codes out and takes
 * results in, until the engine interrupts it (Ctrl-C, the deadline's grace); {@link
 * dev.flags.download.pool.ProcessWorker} is the worker side.
 */
package dev.flags.download.pool;
