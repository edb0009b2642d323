package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flags.cli.FlagsCommand;
import dev.flags.testing.Bash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The archive and the Debian package {@code mvn -Pdist package} makes, unpacked into a temporary
 * folder and run as a user would: through a link on a PATH that holds no java, with no JAVA_HOME,
 * from another folder. Skipped when they were not built.
 */
class DistIT {
  private static final Path TARGET = Path.of("target");

  /** The pom's version, handed to the tests by failsafe. */
  private static final String VERSION = System.getProperty("flags.version");

  private static final Path ARCHIVE = TARGET.resolve("flags-" + VERSION + "-linux-x64.tar.gz");
  private static final Path DEB = TARGET.resolve("flags_" + VERSION + "_amd64.deb");
  private static final Path SBOM = TARGET.resolve("flags-" + VERSION + ".cdx.json");

  @TempDir Path tmp;
  private Path path;

  @BeforeEach
  void aPathWithNoJava() throws IOException {
    // What the launcher needs: bash for its #! line, readlink to follow the link to itself.
    path = Bash.commandsOnly(tmp.resolve("path"), "bash", "readlink");
  }

  /** Runs {@code flags args...} as found on the PATH, from a folder of its own. */
  private Bash.Run flags(Map<String, String> env, String... args) throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", "flags \"$@\"", "flags");
    builder.command().addAll(List.of(args));
    builder.directory(cwd.toFile());
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("PATH", path.toString());
    builder.environment().putAll(env);
    return Bash.run(builder);
  }

  /**
   * Checks the installed tree: the 20 flags in threads and process-pool modes, with the AOT cache
   * required ({@code -XX:AOTMode=on} fails the run if the JVM rejects it, moved as it is).
   */
  private void runsTheTwentyFlags() throws Exception {
    Bash.Run version = flags(Map.of(), "--version");
    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out())
        .matches("(?s)flags \\Q" + VERSION + "\\E \\(commit \\w+\\)\nJava 25.*");
    for (String mode : List.of("threads", "processes")) {
      Path dest = tmp.resolve(mode);
      Bash.Run run =
          flags(
              Map.of("FLAGS_JAVA_OPTS", "-XX:AOTMode=on"),
              "--mode=" + mode,
              "-m",
              "4",
              "-d",
              dest.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains(" 20 flags downloaded.");
      try (Stream<Path> gifs = Files.list(dest)) {
        assertThat(gifs).hasSize(20);
      }
    }
  }

  @Test
  void theArchiveRunsAnywhereWithItsOwnRuntime() throws Exception {
    assumeTrue(Files.exists(ARCHIVE), "built by mvn -Pdist package");
    Path opt = Files.createDirectories(tmp.resolve("opt"));
    assertThat(
            Bash.run(Map.of(), "tar -xzf \"$1\" -C \"$2\"", ARCHIVE.toString(), opt.toString())
                .exitCode())
        .isZero();
    Path home = opt.resolve("flags-" + VERSION);
    Files.createSymbolicLink(path.resolve("flags"), home.resolve("bin/flags"));
    runsTheTwentyFlags();
    assertManPages(home.resolve("share/man/man1"), "");
    assertThat(home.resolve("share/bash-completion/completions/flags")).isNotEmptyFile();
    assertThat(home.resolve("LICENSE")).content().contains("Apache License", "Version 2.0");
    assertThat(home.resolve("NOTICE")).content().contains("Apache License 2.0");
    assertMachineReadableCopyright(home.resolve("COPYRIGHT"));
    assertThat(home.resolve("CHANGELOG.md")).content().contains("## [" + VERSION + "]");
    assertThat(home.resolve("sbom.cdx.json")).hasSameTextualContentAs(SBOM);
  }

  @Test
  void checksumsBesideTheArtifactsVerify() throws Exception {
    assumeTrue(Files.exists(DEB), "built by mvn -Pdist package");
    Bash.Run check = Bash.run(Map.of(), "cd target && sha256sum -c SHA256SUMS");
    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.out().lines())
        .containsExactlyInAnyOrder(
            ARCHIVE.getFileName() + ": OK",
            DEB.getFileName() + ": OK",
            SBOM.getFileName() + ": OK");
    assertThat(Files.readString(SBOM)).contains("\"bomFormat\" : \"CycloneDX\"", "okhttp-jvm");
  }

  /** DEP-5: a Format line, Apache-2.0 for flags itself, and a licence for every bundled jar. */
  private static void assertMachineReadableCopyright(Path copyright) throws IOException {
    String text = Files.readString(copyright);
    assertThat(text)
        .startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
        .contains("Files: *\nCopyright: 2026 the flags developers\nLicense: Apache-2.0\n")
        .doesNotContain("not chosen");
    List<PathMatcher> globs =
        Pattern.compile("usr/lib/flags/app/lib/(\\S+)")
            .matcher(text)
            .results()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.group(1)))
            .toList();
    try (Stream<Path> jars = Files.list(TARGET.resolve("lib"))) {
      for (Path jar : jars.toList()) {
        assertThat(globs).as(jar.toString()).anyMatch(glob -> glob.matches(jar.getFileName()));
      }
    }
  }

  @Test
  void theDebInstallsOnPathWithManPagesAndCompletionUnderUsrOnly() throws Exception {
    assumeTrue(Files.exists(DEB), "built by mvn -Pdist package");
    Path root = tmp.resolve("root");
    Bash.Run extract =
        Bash.run(Map.of(), "dpkg-deb -x \"$1\" \"$2\"", DEB.toString(), root.toString());
    assertThat(extract.exitCode()).as(extract.err()).isZero();
    Files.createSymbolicLink(path.resolve("flags"), root.resolve("usr/bin/flags"));
    runsTheTwentyFlags();
    assertManPages(root.resolve("usr/share/man/man1"), ".gz");
    assertMachineReadableCopyright(root.resolve("usr/share/doc/flags/copyright"));
    assertThat(root.resolve("usr/share/bash-completion/completions/flags")).isNotEmptyFile();

    // Removal leaves nothing: every file is under /usr, none is a conffile, and no maintainer
    // script runs.
    Bash.Run contents = Bash.run(Map.of(), "dpkg-deb -c \"$1\"", DEB.toString());
    assertThat(contents.out().lines().map(line -> line.substring(line.indexOf("./"))))
        .allMatch(entry -> entry.equals("./") || entry.startsWith("./usr/"));
    Bash.Run control = Bash.run(Map.of(), "dpkg-deb -I \"$1\"", DEB.toString());
    assertThat(control.out())
        .contains("Package: flags", "Architecture: amd64")
        .doesNotContain("conffiles", "postinst", "prerm", "postrm", "preinst");
  }

  /**
   * A page per command, each naming every option {@code --help} lists: generated from the same
   * model, they cannot drift.
   */
  private static void assertManPages(Path dir, String suffix) throws IOException {
    CommandLine model = FlagsCommand.model();
    assertManPage(dir.resolve("flags.1" + suffix), model);
    for (var sub : model.getSubcommands().entrySet()) {
      assertManPage(dir.resolve("flags-" + sub.getKey() + ".1" + suffix), sub.getValue());
    }
  }

  private static void assertManPage(Path page, CommandLine command) throws IOException {
    String troff;
    try (InputStream in = Files.newInputStream(page)) {
      InputStream text = page.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
      troff = new String(text.readAllBytes(), StandardCharsets.UTF_8).replace("\\-", "-");
    }
    String name = command.getCommandSpec().qualifiedName("-").toUpperCase(java.util.Locale.ROOT);
    assertThat(troff).as(page.toString()).contains(".TH \"" + name + "\" \"1\"");
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (!option.hidden()) {
        assertThat(troff).as(page.toString()).contains(option.longestName());
      }
    }
  }
}
