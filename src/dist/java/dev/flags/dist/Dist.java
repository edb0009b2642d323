package dev.flags.dist;

import dev.flags.cli.FlagsCommand;
import dev.flags.download.pool.JvmOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the self-contained archive {@code target/flags-VERSION-linux-x64.tar.gz}: a jlink runtime
 * with only the modules the jars need, the jars, an AOT cache trained with that runtime, the
 * launcher as {@code bin/flags}, the man pages and the bash completion, the licence files and the
 * SBOM. Run by {@code mvn -Pdist package} with the build's JDK 25, after the jar, {@code
 * target/lib}, the man pages and the SBOM:
 *
 * <pre>Dist TARGET BASEDIR VERSION OUTPUT_TIMESTAMP</pre>
 *
 * <p>The tree it archives is then packaged as {@code flags_VERSION_amd64.deb} by {@link
 * DebPackage}, and {@code SHA256SUMS} lists both and the SBOM. Reproducible: every file carries the
 * release's time ({@code project.build.outputTimestamp}), the tar has sorted entries and numeric
 * root ownership, and gzip stores no name or time.
 */
public final class Dist {
  private Dist() {}

  /** The workers' AOT cache in the tree. */
  private static final String WORKER_CACHE = "app/flags-worker.aot";

  /** What the training's worker records (see {@code dev.flags.AotTraining}). */
  private static final String WORKER_RECORD = "worker.aotconf";

  /**
   * The options of the training run, from the list the launcher and the {@code aot-cache} execution
   * in pom.xml read too: the launcher's for short runs; classes and linkage only.
   */
  private static final List<String> TRAINING_OPTIONS =
      JvmOptions.of(JvmOptions.TRAINING, JvmOptions.GC, JvmOptions.C1);

  /** The CycloneDX SBOM's name inside the archive and the .deb's doc folder. */
  static final String SBOM = "sbom.cdx.json";

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 4) {
      System.err.println("usage: Dist TARGET BASEDIR VERSION OUTPUT_TIMESTAMP");
      System.exit(2);
    }
    Path target = Path.of(args[0]).toAbsolutePath();
    Path basedir = Path.of(args[1]).toAbsolutePath();
    String version = args[2];
    Instant released = Instant.parse(args[3]);
    Path tree = target.resolve("dist").resolve("flags-" + version);
    Trees.delete(target.resolve("dist"));
    Files.createDirectories(tree);

    String modules = modules(target);
    jlink(modules, tree.resolve("runtime"));
    strip(tree.resolve("runtime"));
    copyApp(target, tree.resolve("app"));
    // The cache records the jars' times: they get the release's before the training.
    Trees.setTimes(tree.resolve("app"), released);
    train(tree, target.resolve("dist-training"));
    copyLauncher(basedir, tree.resolve("bin"));
    copyManPages(target.resolve("man"), tree.resolve("share/man/man1"));
    writeCompletion(tree.resolve("share/bash-completion/completions/flags"));
    for (String file : List.of("LICENSE", "NOTICE", "CHANGELOG.md")) {
      copy(basedir.resolve(file), tree.resolve(file));
    }
    copy(basedir.resolve("src/dist/deb/copyright"), tree.resolve("COPYRIGHT"));
    Path sbom = target.resolve("flags-" + version + ".cdx.json");
    copy(sbom, tree.resolve(SBOM));
    Trees.normalizeModes(tree);
    setReleaseTimes(
        tree, List.of(tree.resolve("app/flags.aot"), tree.resolve(WORKER_CACHE)), released);

    Path archive = target.resolve("flags-" + version + "-linux-x64.tar.gz");
    run(
        target.resolve("dist"),
        "tar",
        "--format=gnu",
        "--owner=0",
        "--group=0",
        "--numeric-owner",
        "--sort=name",
        "--use-compress-program=gzip -9n",
        "-cf",
        archive.toString(),
        tree.getFileName().toString());
    System.out.println("dist: modules " + modules);
    System.out.println("dist: " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
    Path deb = DebPackage.build(tree, target, version, released);
    writeChecksums(target, List.of(archive, deb, sbom));
  }

  /**
   * {@code SHA256SUMS} beside the artifacts, in sha256sum's format: {@code sha256sum -c} checks.
   */
  private static void writeChecksums(Path target, List<Path> files) throws IOException {
    StringBuilder sums = new StringBuilder();
    for (Path file : files) {
      sums.append(Trees.digest(file, "SHA-256"))
          .append("  ")
          .append(target.relativize(file))
          .append('\n');
    }
    Files.writeString(target.resolve("SHA256SUMS"), sums);
    System.out.println("dist: " + target.resolve("SHA256SUMS"));
  }

  /**
   * Gives the tree the release's time, the AOT caches a minute more: the launcher uses a cache only
   * if it is newer than the jar. Returns the latest time in the tree.
   */
  static Instant setReleaseTimes(Path tree, List<Path> aotCaches, Instant released)
      throws IOException {
    Trees.setTimes(tree, released);
    Instant cacheTime = released.plus(Duration.ofMinutes(1));
    for (Path cache : aotCaches) {
      Files.setLastModifiedTime(cache, FileTime.from(cacheTime));
    }
    return cacheTime;
  }

  /** The JDK modules the jar and its libraries use, as jdeps finds them. */
  static String modules(Path target) throws IOException {
    List<String> classPath = new ArrayList<>();
    try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
      jars.sorted().forEach(jar -> classPath.add(jar.toString()));
    }
    String out =
        tool(
            "jdeps",
            "--print-module-deps",
            "--ignore-missing-deps",
            "--multi-release",
            "25",
            "--class-path",
            String.join(":", classPath),
            target.resolve("flags.jar").toString());
    return out.strip();
  }

  /**
   * A runtime with only {@code modules}, with the JDK's class-data archive (a bare {@code
   * --version} starts from it, not from the AOT cache).
   */
  static void jlink(String modules, Path runtime) throws IOException {
    tool(
        "jlink",
        "--add-modules",
        modules,
        "--strip-debug",
        "--no-header-files",
        "--no-man-pages",
        "--generate-cds-archive",
        "--output",
        runtime.toString());
    // The archive for heaps over 32 GB (no compressed oops): such a JVM starts without one.
    Files.delete(runtime.resolve("lib/server/classes_nocoops.jsa"));
  }

  /**
   * Strips the runtime's programs and libraries of their symbols, as Debian's dh_strip does
   * (jlink's --strip-native-debug-symbols leaves the symbol tables): a third smaller libjvm. Before
   * the training: the AOT cache is written by the stripped JVM it will serve.
   */
  static void strip(Path runtime) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "strip",
                "--strip-unneeded",
                "--remove-section=.comment",
                "--remove-section=.note"));
    for (Path file : Trees.files(runtime)) {
      String name = file.getFileName().toString();
      if (name.endsWith(".so") || file.startsWith("bin") || Trees.isProgram(file)) {
        command.add(runtime.resolve(file).toString());
      }
    }
    run(runtime, command.toArray(String[]::new));
  }

  private static void copyApp(Path target, Path app) throws IOException {
    Files.createDirectories(app.resolve("lib"));
    copy(target.resolve("flags.jar"), app.resolve("flags.jar"));
    // The launcher's JVM options, which it reads from beside the jar once installed.
    copy(target.resolve("classes" + JvmOptions.RESOURCE), app.resolve("jvm.options"));
    try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
      for (Path jar : jars.toList()) {
        copy(jar, app.resolve("lib").resolve(jar.getFileName()));
      }
    }
  }

  /**
   * The AOT cache, trained by the bundled runtime on the bundled jar: a cache only serves the exact
   * JDK build that wrote it. The JVM accepts it after the whole tree has moved (unpacked elsewhere,
   * installed by the .deb), as long as the jars keep their relative places and times.
   */
  private static void train(Path tree, Path workDir) throws IOException, InterruptedException {
    Trees.delete(workDir);
    Files.createDirectories(workDir);
    List<String> command = new ArrayList<>();
    command.add(tree.resolve("runtime/bin/java").toString());
    command.add("-XX:AOTCacheOutput=" + tree.resolve("app/flags.aot"));
    command.addAll(TRAINING_OPTIONS);
    command.addAll(
        List.of(
            "-cp",
            tree.resolve("app/flags.jar").toString(),
            "dev.flags.AotTraining",
            workDir.resolve("downloads").toString()));
    Path log = tree.getParent().resolveSibling("dist-training.log");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (process.waitFor() != 0) {
      throw new IOException("AOT training failed: see " + log);
    }
    makeWorkerCache(tree, workDir.resolve("downloads").resolve(WORKER_RECORD), log);
    Trees.delete(workDir);
  }

  /**
   * The process-pool workers' own cache, from what a worker of the training recorded: the same step
   * as the {@code aot-worker-cache} execution in pom.xml, by the bundled runtime.
   */
  private static void makeWorkerCache(Path tree, Path record, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tree.resolve("runtime/bin/java").toString());
    command.add("-XX:AOTMode=create");
    command.add("-XX:AOTConfiguration=" + record);
    command.add("-XX:AOTCache=" + tree.resolve(WORKER_CACHE));
    command.addAll(JvmOptions.of(JvmOptions.GC, JvmOptions.C1));
    command.addAll(List.of("-cp", tree.resolve("app/flags.jar").toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (process.waitFor() != 0) {
      throw new IOException("the workers' AOT cache failed: see " + log);
    }
  }

  private static void copyLauncher(Path basedir, Path bin) throws IOException {
    Files.createDirectories(bin);
    Files.copy(basedir.resolve("flags"), bin.resolve("flags"));
  }

  private static void copyManPages(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> pages = Files.list(from)) {
      List<Path> troff = pages.filter(p -> p.getFileName().toString().endsWith(".1")).toList();
      if (troff.isEmpty()) {
        throw new IOException("no man pages in " + from + ": build with mvn -Pdist package");
      }
      for (Path page : troff) {
        copy(page, to.resolve(page.getFileName()));
      }
    }
  }

  private static void writeCompletion(Path file) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        FlagsCommand.execute(new PrintWriter(out), new PrintWriter(err), "completion", "bash");
    if (code != 0) {
      throw new IOException("flags completion bash: exit " + code + ": " + err);
    }
    Files.createDirectories(file.getParent());
    // bash-completion sources it: a #! line would only mislead.
    Files.writeString(file, out.toString().replaceFirst("\\A#!.*\n", ""));
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
  }

  /** Runs a JDK tool (jdeps, jlink) in this JVM; returns its output, or fails with it. */
  static String tool(String name, String... args) throws IOException {
    ToolProvider tool =
        ToolProvider.findFirst(name).orElseThrow(() -> new IOException("no " + name + " tool"));
    StringWriter out = new StringWriter();
    int code = tool.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
    if (code != 0) {
      throw new IOException(name + " failed (exit " + code + "):\n" + out);
    }
    return out.toString();
  }

  /** Runs a command in {@code dir}, its output on ours; fails unless it exits 0. */
  static void run(Path dir, String... command) throws IOException, InterruptedException {
    run(new ProcessBuilder(command).directory(dir.toFile()));
  }

  /** Runs the command, its output on ours; fails unless it exits 0. */
  static void run(ProcessBuilder command) throws IOException, InterruptedException {
    int code = command.inheritIO().start().waitFor();
    if (code != 0) {
      throw new IOException(String.join(" ", command.command()) + ": exit " + code);
    }
  }
}
