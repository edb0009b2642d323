package dev.flags.download;

/**
 * Hears of each flag as soon as its result is known. Strategies call it from the thread that called
 * {@link Downloader#downloadMany}, never concurrently, so implementations need no locking.
 */
@FunctionalInterface
public interface ResultListener {
  ResultListener NONE = result -> {};

  void onResult(FlagResult result);
}
