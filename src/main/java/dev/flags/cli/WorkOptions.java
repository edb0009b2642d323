package dev.flags.cli;

import dev.flags.work.WorkRules;
import dev.flags.work.Workload;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --work MS} and {@code --gil}: CPU-bound work for each flag after its download, and a lock
 * like CPython's around it. The main command's; {@code flags bench} takes {@code --work} the same
 * way and {@code --gil on|off|both}.
 */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class WorkOptions {
  /** The longest work a flag may be given: a minute. */
  static final long MAX_WORK_MS = 60_000;

  static final String WORK_LABEL = "MS";

  @Option(
      names = "--work",
      paramLabel = WORK_LABEL,
      converter = WorkConverter.class,
      description =
          "After each flag's download, in the thread or process that downloaded it, compute for about"
              + " MS ms of CPU (CRC-32C of a block of its bytes, again and again; the rounds are calibrated once per"
              + " run, then the same for every flag; 0: none, the default).")
  private Duration work = Duration.ZERO;

  @Option(
      names = "--gil",
      description =
          "A global lock per process, like CPython's: a flag holds it while it computes (--work)"
              + " and not while it downloads, so threads overlap their downloads but never their"
              + " work; in a process pool, each process has its own.")
  private boolean gil;

  /**
   * The work per flag, calibrated on this machine now (once per run: every flag, in every worker,
   * then does these rounds), and the lock.
   */
  public WorkRules rules() {
    return new WorkRules(Workload.calibrated(work), gil);
  }

  /** The CPU time each flag should compute for; zero: no work. */
  public Duration work() {
    return work;
  }

  public boolean gil() {
    return gil;
  }

  /** Whole milliseconds from 0 to {@value #MAX_WORK_MS}. */
  static final class WorkConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String ms = value.strip();
      if (!ms.matches("\\d{1,9}") || Long.parseLong(ms) > MAX_WORK_MS) {
        throw new TypeConversionException(
            String.format(
                Locale.ROOT,
                "'%s' is not a work time: give whole milliseconds from 0 to %d",
                CodeOptions.printable(value),
                MAX_WORK_MS));
      }
      return Duration.ofMillis(Long.parseLong(ms));
    }
  }
}
