package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.testing.Bash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the checkout launcher {@code ./flags} looks for a Java 25: fake JDK homes (a {@code
 * release} file and a {@code bin/java} stub that prints its own path) planted in each place, the
 * system folders under {@code FLAGS_SYSTEM_ROOT}, with a PATH that holds no real java. The stub
 * stands for the JVM the launcher would exec.
 */
class LauncherJdkTest {
  @TempDir Path dir;
  private Path checkout;
  private Path root;
  private Path home;
  private Path tools;

  @BeforeEach
  void aCheckoutWithAPackageAndNoJavaAnywhere() throws IOException {
    checkout = Files.createDirectories(dir.resolve("checkout"));
    Files.copy(Path.of("flags"), checkout.resolve("flags"));
    Files.createDirectories(checkout.resolve("src/main/java/dev/flags"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>");
    Files.writeString(checkout.resolve("src/main/java/dev/flags/Main.java"), "class Main {}");
    Path jar = Files.createDirectories(checkout.resolve("target")).resolve("flags.jar");
    Files.writeString(jar, "a package newer than its sources");
    root = Files.createDirectories(dir.resolve("root"));
    home = Files.createDirectories(dir.resolve("home"));
    // The commands the launcher may start, and no java.
    tools = Bash.commandsOnly(dir.resolve("tools"), "readlink", "cat");
  }

  /** A fake JDK home at {@code at}: a release file saying {@code version}, a java stub. */
  private static Path jdk(Path at, String version) throws IOException {
    Files.createDirectories(at.resolve("bin"));
    Files.writeString(
        at.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
    executable(at.resolve("bin/java"), "#!/bin/sh\necho \"$0\"\n");
    return at;
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Runs the launcher with this environment on top of one with no JAVA_HOME and no java. */
  private Bash.Run launch(Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", checkout.resolve("flags").toString());
    builder.directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    environment.remove("JAVA_HOME");
    environment.remove("SDKMAN_DIR");
    environment.put("PATH", tools.toString());
    environment.put("HOME", home.toString());
    environment.put("FLAGS_SYSTEM_ROOT", root.toString());
    environment.putAll(env);
    return Bash.run(builder);
  }

  /** The java the launcher ran: the stub prints its path. */
  private String javaRun(Map<String, String> env) throws Exception {
    Bash.Run run = launch(env);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out().strip();
  }

  private static String java(Path home) {
    return home.resolve("bin/java").toString();
  }

  @Test
  void javaHomeComesFirst() throws Exception {
    Path named = jdk(dir.resolve("named"), "25.0.1");
    jdk(root.resolve("usr/lib/jvm/temurin-25"), "25");
    assertThat(javaRun(Map.of("JAVA_HOME", named.toString()))).isEqualTo(java(named));
  }

  @Test
  void aJavaHomeTooOldIsPassedOverForTheJavaOnPath() throws Exception {
    Path old = jdk(dir.resolve("old"), "17.0.9");
    Path onPath = jdk(dir.resolve("jdk-26"), "26");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("java"), onPath.resolve("bin/java"));
    String path = bin + ":" + tools;
    assertThat(javaRun(Map.of("JAVA_HOME", old.toString(), "PATH", path)))
        .isEqualTo(java(onPath.toRealPath()));
  }

  @Test
  void theJavaOnPathIsResolvedOnceThenAgainWhenItsLinkChanges() throws Exception {
    Path first = jdk(dir.resolve("jdk-25"), "25");
    Path second = jdk(dir.resolve("jdk-26"), "26");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = bin.resolve("java");
    Files.createSymbolicLink(link, first.resolve("bin/java"));
    assertThat(javaRun(Map.of("PATH", bin + ":" + tools))).isEqualTo(java(first.toRealPath()));

    // The same link: its target comes from target/path-java, and no readlink can run.
    Path noReadlink = Bash.commandsOnly(dir.resolve("no-readlink"), "cat");
    assertThat(javaRun(Map.of("PATH", bin + ":" + noReadlink))).isEqualTo(java(first.toRealPath()));

    // Switched to another JDK, as update-alternatives does: resolved again.
    Files.delete(link);
    Files.createSymbolicLink(link, second.resolve("bin/java"));
    assertThat(javaRun(Map.of("PATH", bin + ":" + tools))).isEqualTo(java(second.toRealPath()));
  }

  @Test
  void sdkmanCandidatesUnderHomeOrSdkmanDir() throws Exception {
    jdk(home.resolve(".sdkman/candidates/java/17.0.9-tem"), "17.0.9");
    Path sdkman = jdk(home.resolve(".sdkman/candidates/java/25.0.1-tem"), "25.0.1");
    jdk(root.resolve("usr/lib/jvm/temurin-25"), "25");
    assertThat(javaRun(Map.of())).isEqualTo(java(sdkman));

    Path elsewhere = jdk(dir.resolve("sdk/candidates/java/25-zulu"), "25");
    assertThat(javaRun(Map.of("SDKMAN_DIR", dir.resolve("sdk").toString())))
        .isEqualTo(java(elsewhere));
  }

  @Test
  void macOsJavaHomeToolThenTheVirtualMachinesFolder() throws Exception {
    Path library =
        jdk(root.resolve("Library/Java/JavaVirtualMachines/temurin-25.jdk/Contents/Home"), "25");
    assertThat(javaRun(Map.of())).isEqualTo(java(library));

    Path chosen = jdk(dir.resolve("chosen-by-java_home"), "25.0.2");
    Files.createDirectories(root.resolve("usr/libexec"));
    // Apple's tool prints the home of the newest JDK matching -v, or fails.
    executable(
        root.resolve("usr/libexec/java_home"),
        "#!/bin/sh\n[ \"$1 $2\" = \"-v 25+\" ] && echo " + chosen + "\n");
    assertThat(javaRun(Map.of())).isEqualTo(java(chosen));
  }

  @Test
  void usrLibJvmSkipsOlderJdks() throws Exception {
    jdk(root.resolve("usr/lib/jvm/java-17-openjdk-amd64"), "17.0.9");
    Path jdk25 = jdk(root.resolve("usr/lib/jvm/temurin-25-jdk-amd64"), "25.0.1");
    assertThat(javaRun(Map.of())).isEqualTo(java(jdk25));
  }

  @Test
  void noJava25SaysWhereItLookedAndHowToInstallOne() throws Exception {
    jdk(root.resolve("usr/lib/jvm/java-17-openjdk-amd64"), "17.0.9");
    Bash.Run run = launch(Map.of());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("flags: no Java 25 or later found.")
        .contains("JAVA_HOME", "PATH", ".sdkman/candidates/java", "/usr/libexec/java_home")
        .contains("/Library/Java/JavaVirtualMachines", "/usr/lib/jvm")
        .contains("sdk install java", "apt install", "brew install");
  }

  @Test
  void aSourceNewerThanThePackageDeepInSrcMainMeansABuild() throws Exception {
    Path jdk25 = jdk(root.resolve("usr/lib/jvm/temurin-25"), "25");
    assertThat(javaRun(Map.of())).isEqualTo(java(jdk25)); // fresh: no build
    Path deep = Files.createDirectories(checkout.resolve("src/main/resources/dev/flags/country"));
    Path source = Files.writeString(deep.resolve("countries.tsv"), "BR\tBrazil\n");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
    Bash.Run stale = launch(Map.of());
    // No mvn on this PATH: the launcher says it would build.
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.err()).contains("stale and mvn is not installed");
  }

  @Test
  void theLauncherUsesNoBash4Features() throws IOException {
    // macOS ships bash 3.2: these would fail there, some of them silently (globstar).
    String script = Files.readString(Path.of("flags"));
    assertThat(script)
        .doesNotContain("globstar", "mapfile", "readarray", "declare -A", "local -n", "|&", ";;&")
        .doesNotContainPattern("\\$\\{[A-Za-z_]+(,,|\\^\\^)")
        .doesNotContainPattern("\\$\\{[A-Za-z_]+\\[-1\\]");
  }
}
