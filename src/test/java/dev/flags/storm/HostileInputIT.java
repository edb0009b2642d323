package dev.flags.storm;

import dev.flags.LauncherIT;
import dev.flags.server.Chaos;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
import dev.flags.testing.Cli;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 8 through the launcher: fuzzed command lines (another seed than {@code
 * HostileInputTest}'s) passed to a real {@code ./flags} process, through bash's exec and the JVM's
 * own decoding of the arguments. The same contract: a one-line usage error or a correct run, never
 * a stack trace; and no process left behind.
 */
class HostileInputIT {
  private static final Figures FIGURES = new Figures("hostile input, launched");
  private static final int INPUTS = 12;

  @TempDir Path root;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  @Test
  void fuzzedCommandLinesGetAUsageErrorOrACorrectRun() throws Exception {
    try (FlagServer server =
        FlagServer.start("127.0.0.1", 0, new GeneratedFlags(), Chaos.NONE, RequestLog.IGNORE)) {
      HostileInputs inputs = new HostileInputs(80, root, server.baseUrl());
      for (int i = 0; i < INPUTS; i++) {
        HostileInputs.Input input = inputs.next().withoutNul(); // no NUL fits in an argv
        Resources before = Resources.now();
        try (Launched flags = Launched.start(LauncherIT.launcher(input.array()))) {
          Cli.Run run = flags.await(Duration.ofSeconds(30));
          HostileInputTest.checkContract(input, run);
          flags.assertNoProcessLeft(before);
        }
        FIGURES.tried(1);
        FIGURES.ran();
      }
    }
  }
}
