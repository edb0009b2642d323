package dev.flags.storm;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flags.country.Countries;
import dev.flags.download.Mode;
import dev.flags.server.Chaos;
import dev.flags.server.Fault;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
import dev.flags.store.SafeNames;
import dev.flags.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Running {@code flags} in the storm: in this JVM, within a time bound (a hang is a failure). */
final class Storm {
  private Storm() {}

  private static boolean warm;

  /**
   * What this JVM holds before a run, once a first run in every mode, through every kind of
   * failure, has loaded the classes and opened the jars that any run needs (the JVM keeps those
   * open for good: they are not a run's to give back).
   */
  static synchronized Resources baseline() throws IOException {
    if (!warm) {
      Chaos chaos = Chaos.NONE.withFaults(Map.of(Fault.RESET, 0.3, Fault.GARBAGE, 0.3)).withSeed(1);
      Path dest = Files.createTempDirectory("flags-storm-warm-up");
      try (FlagServer server =
          FlagServer.start("127.0.0.1", 0, new GeneratedFlags(), chaos, RequestLog.IGNORE)) {
        for (Mode mode : Mode.values()) {
          for (String format :
              mode == Mode.THREADS ? List.of("json", "text", "csv") : List.of("json")) {
            Cli.flags(
                "--mode=" + mode.label(),
                "-s",
                server.baseUrl(),
                "-d",
                dest.toString(),
                "--format",
                format,
                "--metadata",
                "--backoff",
                "0",
                "A",
                "B");
          }
        }
        // What else a run may load for good: logging (-v), charts and their fonts, the embedded
        // server.
        for (String timeline : List.of("t.svg", "t.png", "t.html")) {
          Cli.flags(
              "-v", "-d", dest.toString(), "--timeline", dest.resolve(timeline).toString(), "BR");
        }
        Cli.flags("-q", "-d", dest.toString(), "--server-delay", "1", "BR");
      } finally {
        try (Stream<Path> files = Files.walk(dest)) {
          for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      warm = true;
    }
    return Resources.now();
  }

  /** {@code flags args...} in this JVM; fails if it has not returned within {@code bound}. */
  static Cli.Run flags(Duration bound, String... args) {
    return assertTimeoutPreemptively(
        bound, () -> Cli.flags(args), () -> "flags " + String.join(" ", args) + " hung");
  }

  /** The arguments without the nulls, so optional ones can be written inline. */
  static String[] args(String... args) {
    return Arrays.stream(args).filter(Objects::nonNull).toArray(String[]::new);
  }

  /** The mode with this label, if this build has it ({@code virtual} arrives with issue 4). */
  static Optional<Mode> mode(String label) {
    return Arrays.stream(Mode.values()).filter(m -> m.label().equals(label)).findFirst();
  }

  /**
   * The names a flag downloaded with {@code --metadata} from the generated server may have: the
   * country's ({@code Brazil.gif}), or {@code br.gif} when its metadata could not be had.
   */
  static List<String> countryFileName(String cc) {
    String country = Countries.byCode(cc).orElseThrow().name();
    return List.of(SafeNames.fileName(country, ".gif").orElseThrow(), Invariants.plainName(cc));
  }
}
