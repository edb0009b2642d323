package dev.flags;

import dev.flags.cli.ExitCodes;
import dev.flags.cli.FlagsCommand;
import dev.flags.cli.Subcommand;
import dev.flags.download.Mode;
import dev.flags.download.pool.ProcessPoolDownloader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the JDK AOT cache, run by the package step (see the {@code aot-cache}
 * execution in pom.xml):
 *
 * <pre>java -XX:AOTCacheOutput=target/flags.aot -cp target/flags.jar dev.flags.AotTraining DIR
 * </pre>
 *
 * <p>The cache keeps the classes (loaded and linked) of what this run did (method profiles are
 * turned off in pom.xml: with C1 only they made runs slower), so it does what users do: real
 * downloads from the embedded server in every {@link Mode} (new modes are trained without touching
 * this class), the default run with its JSON report, the help of the command and of each
 * subcommand, {@code --version}, a usage error. Its output is thrown away; a run that ends with an
 * unexpected exit code fails the build, since a cache trained on an error path would speed up the
 * wrong classes.
 *
 * <p>Every class the cache holds is loaded at start-up, used or not, so the workload stays to the
 * common paths: {@code -v} (Logback) is left out on purpose.
 */
public final class AotTraining {
  /** The workers' AOT configuration, in the training's folder. */
  static final String WORKER_RECORD = "worker.aotconf";

  private AotTraining() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: AotTraining DIR");
      System.exit(ExitCodes.USAGE);
    }
    Path dir = Path.of(args[0]);
    List<String> failures = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      String dest = dir.resolve(mode.label()).toString();
      // -a: the 194 flags, so every class of the download path, its rarer branches too, is loaded.
      run(failures, ExitCodes.OK, "--mode=" + mode.label(), "-a", "-d", dest);
    }
    // The workers' own cache: one worker records its path, computing too; the build makes the
    // cache from the record (the aot-worker-cache execution in pom.xml).
    System.setProperty(
        ProcessPoolDownloader.WORKER_AOT_RECORD_PROPERTY, dir.resolve(WORKER_RECORD).toString());
    run(
        failures,
        ExitCodes.OK,
        "--mode=processes",
        "-m",
        "1",
        "--work",
        "1",
        "-a",
        "-d",
        dir.resolve("worker").toString());
    System.clearProperty(ProcessPoolDownloader.WORKER_AOT_RECORD_PROPERTY);
    run(failures, ExitCodes.OK, "-d", dir.resolve("default").toString()); // the default run
    // What scripts read: the JSON report (its writer is jackson-core's, as the CSV's is Jackson's).
    run(failures, ExitCodes.OK, "--format", "json", "-d", dir.resolve("json").toString());
    run(failures, ExitCodes.OK, "--help");
    run(failures, ExitCodes.OK, "--version");
    run(failures, ExitCodes.USAGE, "-m", "0", "-d", dir.resolve("usage").toString());
    for (Subcommand subcommand : FlagsCommand.SUBCOMMANDS) {
      if (!subcommand.hidden()) { // a process-pool worker has no help
        run(failures, ExitCodes.OK, subcommand.name(), "--help");
      }
    }
    if (!failures.isEmpty()) {
      System.err.println("AOT training failed:\n  " + String.join("\n  ", failures));
      System.exit(ExitCodes.ERRORS);
    }
    System.exit(ExitCodes.OK);
  }

  private static void run(List<String> failures, int expected, String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), args);
    if (code != expected) {
      failures.add(
          "flags "
              + String.join(" ", args)
              + ": exit "
              + code
              + " (expected "
              + expected
              + ") "
              + err);
    }
  }
}
