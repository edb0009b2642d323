package dev.flags.cli;

import dev.flags.download.Mode;
import dev.flags.download.Parallelism;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How to download: strategy, concurrency, destination. */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class DownloadOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "threads",
      converter = ModeConverter.class,
      completionCandidates = ModeConverter.class,
      description = {
        "Concurrency strategy (default: ${DEFAULT-VALUE}) [default -m]:",
        "  sequential  one flag at a time [1, always]",
        "  threads     a pool of platform threads [30]",
        "  processes   a pool of worker JVMs [cores]",
        "  virtual     a virtual thread per flag [100]",
        "  async       non-blocking OkHttp calls [100]",
        "With -s REMOTE the default -m is at most 5."
      })
  private Mode mode;

  @Option(
      names = {"-m", "--max-req"},
      paramLabel = "N",
      description =
          "Maximum concurrent requests; for processes, the number of worker JVMs"
              + " (default: the mode's, see --mode).")
  private Integer maxReq;

  @Option(
      names = {"-d", "--dest"},
      paramLabel = "DIR",
      defaultValue = "downloads",
      description = "Folder to save flags in, created if missing (default: ${DEFAULT-VALUE}).")
  private String dest;

  public Mode mode() {
    return mode;
  }

  /**
   * The mode and its concurrency, validated. Unless {@code -m} says otherwise, a {@code polite}
   * server (the book's public site) gets at most {@link Parallelism#POLITE_MAX_REQ} at once.
   */
  public Parallelism parallelism(boolean polite) {
    if (maxReq != null && maxReq < 1) {
      throw usage("--max-req must be at least 1, not " + maxReq);
    }
    return Parallelism.of(mode, maxReq, polite);
  }

  /** The destination folder, created if missing; a usage error if it cannot be written. */
  public Path destination() {
    if (dest.isEmpty()) {
      throw usage("--dest: expected a folder, such as downloads, got ''");
    }
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
      throw usage("cannot create destination " + dir + ": " + IoWords.of(e));
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
