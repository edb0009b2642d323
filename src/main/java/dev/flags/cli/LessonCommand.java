package dev.flags.cli;

import dev.flags.country.Countries;
import dev.flags.download.pool.ProcessPoolDownloader;
import dev.flags.lesson.Lesson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flags lesson}: the chapter's experiments in order, each explained in one line and measured
 * here, with their timelines in one folder (see {@link Lesson}).
 */
@Command(
    addMethodSubcommands = false,
    name = "lesson",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = LessonCommand.HEADER,
    description = {
      "Runs the experiments of Fluent Python's \"Concurrency with Futures\" on this machine, in"
          + " order, each with one line saying what it shows and its measured result: (1)"
          + " sequential against threads on I/O-bound work; (2) Executor.map against as_completed"
          + " (--order submitted / completed); (3) threads against processes on CPU-bound work,"
          + " without and with a GIL (--work, --gil). The 20 most populous countries' flags,"
          + " from an embedded server; about twenty seconds. Every run's timeline goes into DIR.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the lesson ran",
      "1:a run failed, or a picture could not be written",
      "2:bad command line; nothing was run"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flags lesson                     pictures into ./lesson",
      "  flags lesson -d /tmp/l --work 50 less CPU work per flag: a shorter lesson"
    })
public final class LessonCommand implements Callable<Integer> {
  /** The line {@code flags --help} lists it with (read there without building this model). */
  static final String HEADER =
      "The chapter's experiments in order, explained and measured here, with their timelines.";

  @Spec private CommandSpec spec;

  @Option(
      names = {"-d", "--dir"},
      paramLabel = "DIR",
      defaultValue = "lesson",
      description = "Folder for the timelines, created if missing (default: ${DEFAULT-VALUE}).")
  private String dir;

  @Option(
      names = "--work",
      paramLabel = WorkOptions.WORK_LABEL,
      converter = WorkOptions.WorkConverter.class,
      description =
          "CPU work per flag in the third experiment, in ms (default: chosen from what starting"
              + " the process pool costs here, so that processes can pay off; at least 100).")
  private Duration work;

  @Override
  public Integer call() throws InterruptedException {
    if (work != null && work.isZero()) {
      throw new ParameterException(spec.commandLine(), "--work must be more than 0 for a lesson");
    }
    Path folder = folder();
    PrintWriter out = spec.commandLine().getOut();
    Lesson lesson = new Lesson(Countries.POPULOUS_20, folder, out);
    // The pool's messages are first used in step 3; warmed up now, during steps 1 and 2, so that
    // the first pool's start-up is the workers' alone, as in the pool's later runs.
    ProcessPoolDownloader.warmUpInBackground();
    try {
      lesson.ioBound();
      lesson.order();
      lesson.cpuBound(work, Runtime.getRuntime().availableProcessors());
      out.println("Timelines: " + folder);
      out.flush();
      if (lesson.failures() > 0) {
        throw new FlagsException(
            ExitCodes.ERRORS, lesson.failures() + " flags failed: the figures above are not sound");
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new FlagsException(ExitCodes.ERRORS, "lesson failed: " + e.getMessage(), e);
    }
  }

  private Path folder() {
    try {
      Path folder = Path.of(dir);
      Files.createDirectories(folder);
      return folder;
    } catch (InvalidPathException | IOException e) {
      throw new ParameterException(
          spec.commandLine(), "cannot use " + CodeOptions.printable(dir) + " for the pictures");
    }
  }
}
