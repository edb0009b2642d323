package dev.flags.download;

/**
 * What a process pool needs of its run in the parent JVM, and nothing more: the run's clock, its
 * deadline as wall-clock time (the same in every process), and the file names its flags claim. The
 * pool never downloads in the parent, so it gets no way to.
 */
public interface PoolHost {
  /** When the run started ({@link System#nanoTime}): results' {@code startMs} count from it. */
  long runStartNanos();

  /** The run's deadline as wall-clock ms since the epoch; 0 if none. */
  long deadlineEpochMillis();

  /** Reserves {@code fileName} for the flag {@code cc}; false if another flag of the run has it. */
  boolean claim(String fileName, String cc);
}
