package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.server.Chaos;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
import dev.flags.testing.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 8, hostile input: command lines fuzzed from a seed ({@link HostileInputs}), run in this
 * JVM. Each one gets either a usage error (exit 2, exactly one line on stderr starting "flags: ",
 * nothing on stdout, nothing downloaded) or a correct run (exit 0 or 1 with its report); never a
 * stack trace, never an exception's name, never another exit code, never a file outside its
 * folders. {@code HostileInputIT} sends some through the launcher. The soak variant tries 5000.
 */
class HostileInputTest {
  private static final Figures FIGURES = new Figures("hostile input");

  @TempDir Path root;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  @Test
  void threeHundredCommandLinesEachGetAUsageErrorOrACorrectRun() throws Exception {
    fuzz(8, 300);
  }

  @Tag("soak")
  @Test
  void fiveThousand() throws Exception {
    fuzz(9, 5000);
  }

  private void fuzz(long seed, int count) throws Exception {
    Path cwd = Path.of("").toAbsolutePath();
    Set<String> cwdBefore = names(cwd);
    Map<Integer, Integer> exitCodes = new TreeMap<>();
    try (FlagServer server =
        FlagServer.start("127.0.0.1", 0, new GeneratedFlags(), Chaos.NONE, RequestLog.IGNORE)) {
      Resources before = Storm.baseline();
      HostileInputs inputs = new HostileInputs(seed, root, server.baseUrl());
      for (int i = 0; i < count; i++) {
        HostileInputs.Input input = inputs.next();
        Cli.Run run = Storm.flags(Duration.ofSeconds(30), input.array());
        checkContract(input, run);
        assertThat(names(root))
            .as("nothing outside the run's folders, after %s", input)
            .allMatch(name -> name.startsWith("dest-") || name.startsWith("timeline-"));
        exitCodes.merge(run.exitCode(), 1, Integer::sum);
        FIGURES.tried(1);
      }
      before.awaitBack();
    }
    assertThat(names(cwd)).as("nothing written in the working folder").isEqualTo(cwdBefore);
    System.out.println("hostile input: exit codes " + exitCodes);
    FIGURES.ran();
  }

  /**
   * What every input must get: a usage error of one line, or a correct run with its report; never a
   * stack trace.
   */
  static void checkContract(HostileInputs.Input input, Cli.Run run) throws IOException {
    String what = input + "\nstdout: " + run.out() + "\nstderr: " + run.err();
    assertThat(run.err()).as(what).doesNotContain("Exception", "\tat ", "Caused by");
    assertThat(run.exitCode()).as(what).isIn(0, 1, 2);
    if (run.exitCode() == 2) {
      assertThat(run.err().lines()).as(what).hasSize(1);
      assertThat(run.err()).as(what).startsWith("flags: ");
      assertThat(run.out()).as(what).isEmpty();
      assertThat(files(input.dest())).as(what).isEmpty();
      return;
    }
    String out = run.out();
    if (out.startsWith("{")) {
      Report report = Report.parse(out);
      assertThat(report.ok() + report.notFound() + report.errors())
          .as(what)
          .isEqualTo(report.requested());
      assertThat(run.exitCode() == 1)
          .as(what)
          .isEqualTo(report.errors() > 0 || run.err().contains("flags: cannot write timeline"));
    } else if (out.startsWith("cc,status,")) {
      assertThat(out.lines().count()).as(what).isGreaterThan(1);
    } else {
      assertThat(out).as(what).contains("Elapsed time:");
    }
    for (Path file : files(input.dest())) {
      String name = file.getFileName().toString();
      assertThat(name).as(what).doesNotStartWith(".").endsWith(".gif");
      try (InputStream in = Files.newInputStream(file)) {
        assertThat(new String(in.readNBytes(6), java.nio.charset.StandardCharsets.US_ASCII))
            .as(what)
            .isEqualTo("GIF89a");
      }
    }
  }

  /** The files of a run's destination (none if it was never created). */
  private static Set<Path> files(Path dest) throws IOException {
    if (!Files.isDirectory(dest)) {
      return Set.of();
    }
    try (Stream<Path> list = Files.list(dest)) {
      return list.collect(Collectors.toSet());
    }
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
