package dev.flags.engine;

import dev.flags.download.FlagResult;

/**
 * Hears of a run as it goes, on the thread that called {@link Engine#run}, one call at a time, so
 * implementations need no locking.
 */
public interface RunListener {
  /**
   * Hears nothing. A class rather than a lambda, like {@code Progress.NONE}: the AOT cache does not
   * keep a lambda made in an interface's initialiser (as {@code -Xlog:class+load} shows), and the
   * first lambda a run spins itself pays for setting up the whole lambda machinery (a start-up
   * lever: see the package doc of {@code dev.flags}).
   */
  RunListener NONE =
      new RunListener() {
        @Override
        public void onResult(FlagResult result) {}
      };

  /**
   * Every flag's result, once: as it completes, or, for a flag the run left unfinished (Ctrl-C, the
   * deadline), when the run gives up on it.
   */
  void onResult(FlagResult result);

  /**
   * One more flag done, before its {@link #onResult}: a flag that ended by itself, not one the run
   * cut short or left unfinished. A progress bar counts these, so it stops where the run stopped.
   */
  default void onProgress(FlagResult result) {}
}
