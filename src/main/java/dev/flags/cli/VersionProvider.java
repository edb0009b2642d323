package dev.flags.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code flags --version}: the release and the commit it was built from, as the build wrote them
 * into {@code build.properties} (the version from pom.xml, the commit from git), and the JVM's.
 */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return lines();
  }

  /**
   * The version lines. Read from system properties rather than {@code Runtime.version()}, whose
   * parsing and printing would be a noticeable part of a {@code --version} that does nothing else.
   */
  public static String[] lines() {
    Properties build = build();
    return new String[] {
      "flags "
          + build.getProperty("version", "(development build)")
          + " ("
          + commit(build.getProperty("commit"))
          + ")",
      "Java "
          + System.getProperty("java.runtime.version")
          + " ("
          + System.getProperty("java.vm.name")
          + ")"
    };
  }

  /** "commit 1a2b3c4"; a build outside a git checkout has none. */
  static String commit(String commit) {
    return commit == null || commit.isBlank()
        ? "commit unknown: built outside git"
        : "commit " + commit;
  }

  private static Properties build() {
    Properties build = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build;
  }
}
