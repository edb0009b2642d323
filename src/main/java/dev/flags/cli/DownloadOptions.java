package dev.flags.cli;

import dev.flags.download.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How to download: strategy, concurrency, timeout, destination. */
public final class DownloadOptions {
  /**
   * Per-request timeout when none is given: generous enough for the book's 0.5–5 s DELAY server.
   */
  static final double DEFAULT_TIMEOUT_S = 10;

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "threads",
      converter = ModeConverter.class,
      completionCandidates = ModeConverter.class,
      description = {
        "Concurrency strategy (default: ${DEFAULT-VALUE}):",
        "  sequential  one flag after another (-m is ignored: 1 connection)",
        "  threads     a pool of platform threads (default -m 30)"
      })
  private Mode mode;

  @Option(
      names = {"-m", "--max-req"},
      paramLabel = "N",
      description = "Maximum concurrent requests (default: the mode's, see --mode).")
  private Integer maxReq;

  @Option(
      names = {"-d", "--dest"},
      paramLabel = "DIR",
      defaultValue = "downloads",
      description = "Folder to save flags in, created if missing (default: ${DEFAULT-VALUE}).")
  private String dest;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Per-request timeout: connect, each read and the whole request, body included; each"
              + " retry gets its own (default: ${DEFAULT-VALUE}).")
  private double timeoutSeconds;

  public Mode mode() {
    return mode;
  }

  /** The concurrency the mode really uses, validated. */
  public int maxReq() {
    if (maxReq != null && maxReq < 1) {
      throw usage("--max-req must be at least 1, not " + maxReq);
    }
    return mode.effectiveMaxReq(maxReq == null ? mode.defaultMaxReq() : maxReq);
  }

  public Duration timeout() {
    if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
      throw usage("--timeout must be more than 0 and at most 86400 seconds, not " + timeoutSeconds);
    }
    return Duration.ofNanos((long) (timeoutSeconds * 1e9));
  }

  /** The destination folder, created if missing; a usage error if it cannot be written. */
  public Path destination() {
    Path dir;
    try {
      dir = Path.of(dest);
    } catch (InvalidPathException e) {
      throw usage("bad destination '" + CodeOptions.printable(dest) + "': " + e.getReason());
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw usage("destination " + dir + " is not a folder");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw usage("cannot create destination " + dir + ": " + e.getClass().getSimpleName());
    }
    // Files.isWritable asks access(2), which says yes to root even on a read-only filesystem:
    // creating a file is the only sure test. (Not createTempFile: its SecureRandom costs start-up.)
    Path probe =
        dir.resolve(".flags-write-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Files.createFile(probe);
      Files.delete(probe);
    } catch (IOException e) {
      throw usage("destination " + dir + " is not writable");
    }
    return dir;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Mode names in any case; also lists them for help and shell completion. */
  static final class ModeConverter extends LabelConverter<Mode> {
    ModeConverter() {
      super("mode", Mode.values(), Mode::label);
    }
  }
}
