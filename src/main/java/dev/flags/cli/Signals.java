package dev.flags.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run: the first one runs {@code onFirst} (cancel the calls,
 * interrupt the waiting thread) and lets the run end by itself with its partial report; the second
 * runs {@code beforeHalt} (remove temp files) and halts the JVM at once with the first signal's
 * exit code (130 or 143).
 *
 * <p>Why {@code sun.misc.Signal} (module jdk.unsupported, exported to every application) and not a
 * shutdown hook: a hook runs while the JVM is already exiting, in parallel with the main thread, so
 * it can neither wait for the partial report nor choose the exit code. The previous handlers are
 * restored by {@link #close}. Where the signals cannot be handled (e.g. {@code -Xrs}), the JVM's
 * default stays: exit at once.
 */
final class Signals implements AutoCloseable {
  private static final Map<String, Integer> EXIT_CODES =
      Map.of("INT", ExitCodes.SIGINT, "TERM", ExitCodes.SIGTERM);

  private final Runnable onFirst;
  private final Runnable beforeHalt;
  private final IntConsumer halt;
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private int received;

  private Signals(Runnable onFirst, Runnable beforeHalt, IntConsumer halt) {
    this.onFirst = onFirst;
    this.beforeHalt = beforeHalt;
    this.halt = halt;
  }

  /** Handles SIGINT and SIGTERM until closed; the second signal calls {@code Runtime.halt}. */
  static Signals install(Runnable onFirst, Runnable beforeHalt) {
    return install(onFirst, beforeHalt, code -> Runtime.getRuntime().halt(code));
  }

  /** As {@link #install(Runnable, Runnable)}, with the halt given (for tests). */
  static Signals install(Runnable onFirst, Runnable beforeHalt, IntConsumer halt) {
    Signals signals = new Signals(onFirst, beforeHalt, halt);
    for (String name : EXIT_CODES.keySet()) {
      try {
        Signal signal = new Signal(name);
        signals.previous.put(signal, Signal.handle(signal, signals::handle));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // not available here (e.g. -Xrs): the JVM's default behaviour stays
      }
    }
    return signals;
  }

  /** No signal handling (in-process runs, tests): {@link #received} stays 0. */
  static Signals none() {
    return new Signals(() -> {}, () -> {}, code -> {});
  }

  /** The exit code of the first signal received (130 or 143), or 0 if none was. */
  synchronized int received() {
    return received;
  }

  private void handle(Signal signal) {
    int code = EXIT_CODES.getOrDefault(signal.getName(), 128 + signal.getNumber());
    boolean first;
    synchronized (this) {
      first = received == 0;
      if (first) {
        received = code;
      } else {
        code = received;
      }
    }
    if (first) {
      onFirst.run();
    } else {
      beforeHalt.run();
      halt.accept(code);
    }
  }

  @Override
  public void close() {
    previous.forEach(Signal::handle);
    previous.clear();
  }
}
