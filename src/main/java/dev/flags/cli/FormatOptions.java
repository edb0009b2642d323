package dev.flags.cli;

import dev.flags.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code --format}: what stdout carries. Shared by {@code flags} and {@code flags bench}. */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class FormatOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      completionCandidates = FormatConverter.class,
      description = {
        "What stdout carries (default: ${DEFAULT-VALUE}): text, json (one object on one line)"
            + " or csv (a header line, then a line per flag; for bench, per row). With json and"
            + " csv, stdout carries nothing else."
      })
  private OutputFormat format;

  public OutputFormat format() {
    return format;
  }

  /** Format names in any case. */
  static final class FormatConverter extends LabelConverter<OutputFormat> {
    FormatConverter() {
      super("format", OutputFormat.values(), OutputFormat::label);
    }
  }
}
