package dev.flags.cli;

import dev.flags.report.BadReportException;
import dev.flags.report.MergedReport;
import dev.flags.report.ReportReader;
import dev.flags.report.RunReport;
import dev.flags.report.RunSchema;
import dev.flags.report.TextReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flags report merge}: the JSON reports of the N shards of one run ({@code --shard 1/N} ...
 * {@code N/N}) joined into the whole run's report, with the same schema and exit code.
 */
@Command(
    addMethodSubcommands = false,
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Joins the JSON reports of the shards of one run into the whole run's report.",
    description = {
      "Reads the reports that 'flags --shard I/N --format json' wrote, one for each of the N"
          + " shards, and writes the report of the whole run, with the schema of a run's"
          + " (--format json or csv) or as the book's text. Its counts are the sums of the"
          + " shards'; its elapsed time is the longest shard's (they ran side by side; the text"
          + " also gives their sum); its max_req is the sum of theirs. Every shard 1/N .. N/N"
          + " must be given once, and no flag may be in two of them.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every flag of the run was saved or is known not to exist (404)",
      "1:at least one flag failed in some shard",
      "2:bad command line, or a report missing, unreadable, not JSON, of another schema, or"
          + " shards that do not make one whole run; nothing was written",
      "23:the report could not be written to stdout (a full disk, a closed stdout)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flags report merge shard-1.json shard-2.json shard-3.json",
      "  cat shard-*.json | flags report merge --format json -"
    })
public final class ReportMergeCommand implements Callable<Integer> {
  /** The argument that stands for standard input. */
  private static final String STDIN = "-";

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "A shard's report, as 'flags --format json' wrote it; '-' reads standard input. A"
              + " file may hold several reports, one after another or in a JSON array.")
  private List<String> files = new ArrayList<>();

  @Mixin private FormatOptions formatOptions;

  @Override
  public Integer call() {
    List<RunReport> shards = new ArrayList<>();
    for (String file : files) {
      shards.addAll(read(file));
    }
    MergedReport merged;
    try {
      merged = MergedReport.of(shards);
    } catch (BadReportException e) {
      throw usage("cannot merge: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (formatOptions.format()) {
      case TEXT -> TextReport.merged(out, merged);
      case JSON -> out.println(RunSchema.json(merged.report()));
      case CSV -> out.print(RunSchema.csv(merged.report()));
    }
    out.flush();
    return merged.report().errors() > 0 ? ExitCodes.ERRORS : ExitCodes.OK;
  }

  /** The reports in {@code file}: its name for messages, standard input for {@code -}. */
  private List<RunReport> read(String file) {
    String name = file.equals(STDIN) ? "standard input" : CodeOptions.oneLine(file);
    try {
      if (file.equals(STDIN)) {
        return ReportReader.read(System.in);
      }
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        return ReportReader.read(in);
      }
    } catch (NoSuchFileException e) {
      throw usage(name + ": no such file");
    } catch (IOException | InvalidPathException e) {
      throw usage(name + ": cannot read: " + e.getMessage());
    } catch (BadReportException e) {
      throw usage(name + ": " + e.getMessage());
    }
  }

  private FlagsException usage(String message) {
    return new FlagsException(ExitCodes.USAGE, "report merge: " + message);
  }
}
