package dev.flags.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code flags --version}: the version the build wrote into the jar's manifest, and the JVM's. */
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
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "flags " + (version == null ? "(development build)" : version),
      "Java "
          + System.getProperty("java.runtime.version")
          + " ("
          + System.getProperty("java.vm.name")
          + ")"
    };
  }
}
