package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first {@code ./flags} on a fresh copy of the sources (no target/, no git): one line says what
 * is built and that it happens once, the build's own output stays off the terminal (Maven 3.8
 * writes colour resets even in batch mode), then the run; and {@code --version} says the commit is
 * unknown outside git. A real build: it takes a minute.
 */
class FirstRunIT {
  @TempDir Path checkout;

  @Test
  void buildsOnceWithOneLineAndNoEscapeBytes() throws Exception {
    for (String part : List.of("pom.xml", "flags", "src/main")) {
      copyTree(Path.of(part), checkout.resolve(part));
    }
    Path dest = checkout.resolve("downloads");

    ProcessBuilder first = new ProcessBuilder("./flags", "-l", "3", "-d", dest.toString());
    Run run = run(first);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out() + run.err())
        .as("no ESC byte on stdout or stderr")
        .doesNotContain("\u001b");
    assertThat(run.err().lines())
        .containsExactly(
            "flags: first run: building target/flags.jar with mvn package (a one-time step, about"
                + " a minute)...");
    assertThat(run.out()).contains("3 flags downloaded.");

    Run again = run(new ProcessBuilder("./flags", "--version"));
    assertThat(again.err()).isEmpty();
    assertThat(again.out()).startsWith("flags ").contains("(commit unknown: built outside git)");
  }

  private Run run(ProcessBuilder builder) throws IOException, InterruptedException {
    builder.directory(checkout.toFile()).environment().remove("JAVA_HOME");
    builder.environment().remove("FLAGS_NO_BUILD");
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), out, err);
  }

  /** The process's exit code and its output, decoded (an ESC byte stays U+001B). */
  private record Run(int exitCode, String out, String err) {}

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path path : all.toList()) {
        Path copy = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.createDirectories(copy.getParent());
          Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
