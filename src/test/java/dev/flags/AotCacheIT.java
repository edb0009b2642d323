package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flags.LauncherIT.Result;
import dev.flags.cli.FlagsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher and the AOT cache the package step trains (target/flags.aot): used when it is newer
 * than the jar, and otherwise left out without a word, the run only slower.
 */
class AotCacheIT {
  private static final Path TARGET = Path.of("target");
  private static final String FROM_CACHE = "dev.flags.cli.FlagsCommand source: shared objects file";

  @TempDir Path tmp;

  @Test
  void theVersionFastPathPrintsWhatPicocliPrints() throws Exception {
    Result fast = launch(Path.of("flags"), Map.of(), "-V");
    // picocli's own --version, from the same command model in this JVM (a launched --version
    // always takes the fast path, and --version with anything else is a usage error).
    StringWriter picocli = new StringWriter();
    int code =
        FlagsCommand.execute(
            new PrintWriter(picocli), new PrintWriter(new StringWriter()), "--version");
    assertThat(code).isZero();
    assertThat(fast.exitCode()).isZero();
    assertThat(fast.err()).isEmpty();
    assertThat(fast.out()).startsWith("flags ").contains("\nJava 25").isEqualTo(picocli.toString());
  }

  @Test
  void aFreshCacheIsUsed() throws Exception {
    Path aot = TARGET.resolve("flags.aot");
    assumeTrue(Files.exists(aot), "packaged with -Daot.skip: no cache to check");
    Path classes = tmp.resolve("classes.txt");
    Result run = launch(Path.of("flags"), classLog(classes), "-l", "3", "-d", dest());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(Files.readString(classes)).contains(FROM_CACHE);
  }

  @Test
  void aCacheOlderThanTheJarIsNotUsed() throws Exception {
    Path aot = TARGET.resolve("flags.aot");
    assumeTrue(Files.exists(aot), "packaged with -Daot.skip: no cache to check");
    Path launcher = copyOfThePackage();
    Path copy = tmp.resolve("project/target/flags.aot");
    Files.copy(aot, copy);
    FileTime jarTime = Files.getLastModifiedTime(tmp.resolve("project/target/flags.jar"));
    Files.setLastModifiedTime(copy, FileTime.fromMillis(jarTime.toMillis() - 3_600_000));
    Path classes = tmp.resolve("classes.txt");
    Result run = launch(launcher, classLog(classes), "-l", "3", "-d", dest());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(Files.readString(classes)).doesNotContain(FROM_CACHE);
  }

  @Test
  void aBrokenCacheOnlyCostsSpeed() throws Exception {
    Path launcher = copyOfThePackage();
    Files.write(tmp.resolve("project/target/flags.aot"), new byte[64 * 1024]); // newer than the jar
    Result run = launch(launcher, Map.of(), "-l", "3", "-d", dest());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty(); // the JVM's complaint about the cache is kept quiet
    assertThat(run.out()).contains("  3 flags downloaded.").doesNotContain("[error]");
  }

  private String dest() {
    return tmp.resolve("dest").toString();
  }

  /** FLAGS_JAVA_OPTS that log every class loaded, and where from, into {@code file}. */
  private static Map<String, String> classLog(Path file) {
    return Map.of("FLAGS_JAVA_OPTS", "-Xlog:class+load:file=" + file.toAbsolutePath());
  }

  /** The launcher, jar and libraries in a project folder of their own; returns the launcher. */
  private Path copyOfThePackage() throws IOException {
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve("target/lib"));
    Files.copy(Path.of("flags"), project.resolve("flags"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(
        TARGET.resolve("flags.jar"),
        project.resolve("target/flags.jar"),
        StandardCopyOption.COPY_ATTRIBUTES);
    try (Stream<Path> libs = Files.list(TARGET.resolve("lib"))) {
      for (Path lib : libs.toList()) {
        Files.copy(lib, project.resolve("target/lib").resolve(lib.getFileName()));
      }
    }
    return project.resolve("flags");
  }

  private static Result launch(Path launcher, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("FLAGS_NO_BUILD", "1");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
