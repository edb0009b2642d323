package dev.flags.dist;

import dev.flags.cli.FlagsCommand;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the AsciiDoc man pages of {@code flags} and its subcommands ({@code flags.adoc}, {@code
 * flags-bench.adoc}, ...) with picocli's ManPageGenerator, from the same command model as {@code
 * --help}; Asciidoctor renders them to troff. Run by {@code mvn -Pdist package}:
 *
 * <pre>ManPages DIR VERSION</pre>
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ManPages DIR VERSION");
      System.exit(2);
    }
    System.exit(write(Path.of(args[0]), args[1]));
  }

  /** Writes the pages into {@code dir}; returns ManPageGenerator's exit code. */
  public static int write(Path dir, String version) throws IOException {
    CommandLine model = FlagsCommand.model();
    // The version the pages show: the release's, not the JVM's line --version adds.
    setVersion(model, "flags " + version);
    return ManPageGenerator.generateManPage(
        dir.toFile(), null, new boolean[0], true, model.getCommandSpec());
  }

  private static void setVersion(CommandLine command, String version) {
    CommandSpec spec = command.getCommandSpec();
    spec.versionProvider(() -> new String[] {version});
    command.getSubcommands().values().forEach(sub -> setVersion(sub, version));
  }
}
