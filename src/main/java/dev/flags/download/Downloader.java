package dev.flags.download;

import java.util.List;

/**
 * One concurrency strategy: the book's {@code download_many}. It only schedules: the per-flag work
 * is the same for every strategy ({@link DownloadOne}), and the run around it (clock, deadline,
 * Ctrl-C, unfinished flags, report) is the engine's ({@code engine.Engine}). A strategy whose
 * workers take time to start says how long in {@link StartupReporting}.
 */
public interface Downloader {

  /**
   * Downloads the flags of these codes and tells the listener of each result as it completes. A
   * failed flag is a result, never an exception. When interrupted (Ctrl-C, or the engine giving up
   * after the deadline), it stops waiting, winds its workers down and throws; the engine reports
   * the flags without a result.
   */
  void downloadMany(List<String> codes, ResultListener listener) throws InterruptedException;
}
