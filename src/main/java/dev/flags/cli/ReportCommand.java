package dev.flags.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flags report}: works on the reports that {@code flags --format json} wrote. */
@Command(
    addMethodSubcommands = false,
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    header = ReportCommand.HEADER,
    description = {
      "Works on the JSON reports of earlier runs (flags --format json). Its one subcommand,"
          + " merge, joins the reports of the shards of one run (--shard I/N) into the report"
          + " of the whole run.",
      ""
    },
    subcommands = ReportMergeCommand.class,
    footerHeading = "%nExamples:%n",
    footer = {
      "  for i in 1 2 3; do flags -a --shard $i/3 --format json > shard-$i.json; done",
      "  flags report merge shard-*.json       the whole run's report, as text"
    })
public final class ReportCommand implements Callable<Integer> {
  /** The line {@code flags --help} lists it with (read there without building this model). */
  static final String HEADER = "Joins the JSON reports of a run's shards (--shard) into one.";

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "report: say what to do: merge");
  }
}
