package dev.flags.cli;

import dev.flags.report.chart.ImageKind;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What the run prints besides its report. */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class OutputOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  /** The order of the {@code -v} lines. */
  public enum Order {
    /** As each flag completes: the book's {@code as_completed}. */
    COMPLETED,
    /** In the order the codes were submitted: the book's {@code Executor.map}. */
    SUBMITTED;

    /** The name users type: {@code submitted}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Order names in any case. */
  static final class OrderConverter extends LabelConverter<Order> {
    OrderConverter() {
      super("order", Order.values(), Order::label);
    }
  }

  @Option(
      names = {"-v", "--verbose"},
      description = {
        "One line per flag: when it finished (since the start), which thread or worker process"
            + " did it, and how it went (BR OK, QQ not found: URL, JP error: REASON); and logs."
      })
  boolean verbose;

  @Option(
      names = "--order",
      paramLabel = "ORDER",
      defaultValue = "completed",
      converter = OrderConverter.class,
      completionCandidates = OrderConverter.class,
      description = {
        "Order of the -v lines (default: ${DEFAULT-VALUE}):",
        "  completed  as each flag completes",
        "  submitted  in the order of the codes: a slow",
        "             flag holds back the lines after it",
        "Totals are the same either way."
      })
  Order order;

  @Option(
      names = "--timeline",
      paramLabel = "FILE",
      description =
          "Also draw the run as a Gantt chart into FILE, an SVG, PNG or HTML file by its"
              + " extension: one lane per worker, one bar per request, coloured by status.")
  private String timeline;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors (on stderr) and the final report: no header, no progress.")
  boolean quiet;

  /** Whether {@code -v} was given; validated against {@code -q}. */
  public boolean verbose() {
    if (verbose && quiet) {
      throw new ParameterException(spec.commandLine(), "give -v or -q, not both");
    }
    return verbose;
  }

  public Order order() {
    return order;
  }

  /** Where to draw the timeline, if asked; a usage error if the name or folder is wrong. */
  public Optional<Path> timeline() {
    return timeline == null
        ? Optional.empty()
        : Optional.of(chartFile(spec, "--timeline", timeline));
  }

  /**
   * A chart file named on the command line, checked before any work: .svg, .png or .html, in an
   * existing, writable folder.
   */
  static Path chartFile(CommandSpec spec, String option, String name) {
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      throw usage(spec, option + ": bad file name '" + CodeOptions.printable(name) + "'");
    }
    if (ImageKind.of(path).isEmpty()) {
      throw usage(
          spec,
          option
              + " must name a .svg, .png or .html file, not '"
              + CodeOptions.printable(name)
              + "'");
    }
    Path folder = path.toAbsolutePath().getParent();
    if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
      throw usage(spec, option + ": folder " + folder + " does not exist or is not writable");
    }
    if (Files.isDirectory(path)) {
      throw usage(spec, option + ": " + path + " is a folder");
    }
    return path;
  }

  private static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  public boolean quiet() {
    return quiet;
  }
}
