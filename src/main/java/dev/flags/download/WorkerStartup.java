package dev.flags.download;

/**
 * One worker process's start-up, for the timeline: from its launch to the moment it could take its
 * first code, in ms since the run started.
 *
 * @param worker the worker's name, as in results ({@code pid-4242})
 * @param startMs when it was launched
 * @param readyMs when it said it was ready
 */
public record WorkerStartup(String worker, long startMs, long readyMs) {}
