package dev.flags.download.pool;

/**
 * A code to download, with what it has cost so far: how many workers died on it, and how many died
 * after it was handed to them but before they started it.
 */
record Task(String cc, int crashes, int handoffs) {
  /** A code is tried on this many workers that died on it before it is reported ERROR. */
  static final int MAX_TRIES = 2;

  /** A code handed to this many workers that died before they started it is reported ERROR. */
  static final int MAX_HANDOFFS = 3;

  static Task of(String cc) {
    return new Task(cc, 0, 0);
  }

  /** The same code after its worker died: on it if it had started it, else before it got it. */
  Task lost(boolean started) {
    return started ? new Task(cc, crashes + 1, handoffs) : new Task(cc, crashes, handoffs + 1);
  }

  /** Whether it may go to another worker. */
  boolean mayTryAgain() {
    return crashes < MAX_TRIES && handoffs < MAX_HANDOFFS;
  }
}
