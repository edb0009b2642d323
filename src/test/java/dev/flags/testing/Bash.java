package dev.flags.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a script in a real bash, as a user's shell would, and keeps what it printed. */
public final class Bash {
  private Bash() {}

  /** What one bash run printed and returned. */
  public record Run(int exitCode, String out, String err) {}

  /**
   * Makes {@code dir} a folder for PATH that holds only {@code commands}: scripts that run {@code
   * /usr/bin}'s, so a test controls everything else its PATH offers (no java, above all).
   */
  public static Path commandsOnly(Path dir, String... commands) throws IOException {
    Files.createDirectories(dir);
    for (String command : commands) {
      Path script = dir.resolve(command);
      Files.writeString(script, "#!/bin/sh\nexec /usr/bin/" + command + " \"$@\"\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }

  /** {@code bash -c script args...} with {@code env} added to this environment. */
  public static Run run(Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script, "bash");
    builder.command().addAll(List.of(args));
    builder.environment().putAll(env);
    return run(builder);
  }

  /** Runs {@code builder}'s process with nothing on stdin, for at most a minute. */
  public static Run run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.start();
    process.getOutputStream().close();
    StreamText out = new StreamText(process.getInputStream());
    StreamText err = new StreamText(process.getErrorStream());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
    out.awaitEnd(Duration.ofSeconds(5));
    err.awaitEnd(Duration.ofSeconds(5));
    return new Run(process.exitValue(), out.text(), err.text());
  }
}
