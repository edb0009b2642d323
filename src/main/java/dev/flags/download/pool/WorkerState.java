package dev.flags.download.pool;

/** Where a worker is in its life, as the parent sees it. */
sealed interface WorkerState {
  /** Started, not ready yet. */
  record Starting() implements WorkerState {}

  /** Ready and free: it may be given a code. */
  record Idle() implements WorkerState {}

  /** Holding a code since {@code sinceNanos} ({@link System#nanoTime}). */
  sealed interface Busy extends WorkerState {
    Task task();

    long sinceNanos();

    /** Whether it said it had started the code (its death then costs the code a try). */
    boolean started();
  }

  /** Handed a code it has not said it started. */
  record Handed(Task task, long sinceNanos) implements Busy {
    @Override
    public boolean started() {
      return false;
    }
  }

  /** On its code since it said so. */
  record Downloading(Task task, long sinceNanos) implements Busy {
    @Override
    public boolean started() {
      return true;
    }
  }

  /** Exited, or stopped on purpose: nothing it says counts any more. */
  record Gone() implements WorkerState {}

  WorkerState STARTING = new Starting();
  WorkerState IDLE = new Idle();
  WorkerState GONE = new Gone();
}
