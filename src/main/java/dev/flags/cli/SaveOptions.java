package dev.flags.cli;

import dev.flags.download.SaveRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What to do with flags already saved, and how to name the files. */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class SaveOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--skip-existing",
      description =
          "Do not request a flag whose file is already in the destination (a GIF; an empty or"
              + " damaged file is downloaded again). Counted as \"already saved\".")
  private boolean skipExisting;

  @Option(
      names = "--update",
      description =
          "Request a flag already saved only if the server has a newer one (conditional GET with"
              + " If-Modified-Since from the file's time); 304 counts as \"already saved\".")
  private boolean update;

  @Option(
      names = "--metadata",
      description =
          "Also fetch each flag's metadata.json and save it as Country_Name.gif (the book's"
              + " flags3); a missing or unusable name falls back to cc.gif.")
  private boolean metadata;

  /** The rules, validated: {@code --skip-existing} and {@code --update} exclude each other. */
  public SaveRules rules() {
    if (skipExisting && update) {
      throw new ParameterException(
          spec.commandLine(), "give --skip-existing or --update, not both");
    }
    return new SaveRules(skipExisting, update, metadata);
  }
}
