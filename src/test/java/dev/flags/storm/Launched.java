package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.flags.testing.Cli;
import dev.flags.testing.StreamText;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A launched {@code ./flags} (see {@code LauncherIT.launcher}): stdout and stderr read as they
 * come, so a test can watch a run's progress, and its end waited for within a bound.
 *
 * <p>Its descendants (a process pool's workers) are sampled every 20 ms while it runs, so that
 * {@link #assertNoProcessLeft} can check each one it ever had, even those that outlived it and were
 * handed over to init, where they are no longer anyone's descendants.
 */
final class Launched implements AutoCloseable {
  private static final Duration PROCESSES_GONE = Duration.ofSeconds(2);

  private final Process process;
  private final StreamText out;
  private final StreamText err;
  private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().daemon().name("launched-sampler").unstarted(task));

  private Launched(Process process) {
    this.process = process;
    this.out = new StreamText(process.getInputStream());
    this.err = new StreamText(process.getErrorStream());
    var unused = sampler.scheduleAtFixedRate(this::sample, 0, 20, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    process.descendants().forEach(seen::add);
  }

  /** The descendants it has had so far (sampled; taken now as well). */
  Set<ProcessHandle> descendants() {
    sample();
    return Set.copyOf(seen);
  }

  /**
   * Every process it ever had is gone within 2 s of its end (call after {@link #await}); and so is
   * every child of this JVM that was not there at {@code before}.
   */
  void assertNoProcessLeft(Resources before) {
    Awaitility.await()
        .atMost(PROCESSES_GONE)
        .pollInterval(Duration.ofMillis(20))
        .pollInSameThread()
        .untilAsserted(
            () -> {
              assertThat(seen.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                  .as("processes of the run still alive")
                  .isEmpty();
              assertThat(Resources.now().children()).isSubsetOf(before.children());
            });
  }

  static Launched start(ProcessBuilder builder) throws IOException {
    Process process = builder.start();
    process.getOutputStream().close();
    return new Launched(process);
  }

  /** Runs it to its end; a run that outlasts {@code bound} is killed and fails the test. */
  static Cli.Run run(ProcessBuilder builder, Duration bound)
      throws IOException, InterruptedException {
    try (Launched launched = start(builder)) {
      return launched.await(bound);
    }
  }

  Process process() {
    return process;
  }

  String err() {
    return err.text();
  }

  /** Sends a signal ({@code INT}, {@code TERM}, {@code KILL}) with kill(1). */
  void kill(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s", signal).isZero();
  }

  /** Waits for its end, and for all its output; fails if it outlasts {@code bound}. */
  Cli.Run await(Duration bound) throws InterruptedException {
    boolean ended = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    sampler.shutdownNow();
    if (!ended) {
      process.destroyForcibly();
      fail("flags hung: still running after " + bound + "; stderr: " + err.text());
    }
    out.awaitEnd(bound);
    err.awaitEnd(bound);
    return new Cli.Run(process.exitValue(), out.text(), err.text());
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
