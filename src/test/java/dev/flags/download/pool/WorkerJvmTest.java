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
 * reports it: C1 alone for a fast start, whatever its parent's (the work runs as fast in any).
 */
class WorkerJvmTest {

  /** What a JVM started with a worker's command line, running {@link JitReport}, prints. */
  private static String jitOfWorker() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(WorkerJvm.command("worker"));
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
  void aWorkerStartsFastWithC1Alone() throws Exception {
    assertThat(jitOfWorker()).startsWith("TieredStopAtLevel=1 ");
  }
}
