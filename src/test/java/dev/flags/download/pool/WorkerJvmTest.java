package dev.flags.download.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JIT a worker JVM really runs with, as a real child JVM started with the worker's options
 * reports it: its parent's when the run computes ({@code --work}, the rounds were calibrated with
 * the parent's JIT), C1 alone for a fast start otherwise.
 */
class WorkerJvmTest {

  /** What a JVM started with a worker's command line, running {@link JitReport}, prints. */
  private static String jitOfWorker(boolean computes) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(WorkerJvm.command("worker", computes));
    command.subList(command.size() - 2, command.size()).clear(); // dev.flags.Main worker
    command.add(JitReport.class.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(child.exitValue()).as(out).isZero();
      return out.strip();
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aWorkerOfARunThatComputesHasItsParentsJit() throws Exception {
    assertThat(jitOfWorker(true)).isEqualTo(JitReport.ofThisJvm());
  }

  @Test
  void aWorkerOfARunWithoutWorkStartsFastWithC1Alone() throws Exception {
    assertThat(jitOfWorker(false)).startsWith("TieredStopAtLevel=1 ");
  }
}
