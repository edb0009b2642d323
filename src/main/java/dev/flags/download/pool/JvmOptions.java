package dev.flags.download.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The JVM options of flags, read from the one list that the launcher, the build's AOT training and
 * the archive's read too ({@code dev/flags/jvm.options}, a resource of this jar). Each key names a
 * group of options for one purpose; see the file for which JVMs take which.
 */
public final class JvmOptions {
  /** The resource's path, for those that read it from the source tree. */
  public static final String RESOURCE = "/dev/flags/jvm.options";

  /** The GC every JVM of flags runs: an AOT cache serves only JVMs with the GC it was made with. */
  public static final String GC = "flags.jvm.gc";

  /** C1 alone: for short runs. */
  public static final String C1 = "flags.jvm.c1";

  /** No perf data, no wait at exit for threads in native code. */
  public static final String QUICK_EXIT = "flags.jvm.quick-exit";

  /** A worker's own: VM output on stderr, native reflection. */
  public static final String WORKER = "flags.jvm.worker";

  /** The AOT training run's own. */
  public static final String TRAINING = "flags.jvm.training";

  private JvmOptions() {}

  /** The options of these groups, in this order. */
  public static List<String> of(String... keys) {
    Properties groups = new Properties();
    try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      groups.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>();
    for (String key : keys) {
      String value = groups.getProperty(key);
      if (value == null) {
        throw new IllegalStateException(RESOURCE + " has no " + key);
      }
      options.addAll(List.of(value.strip().split("\\s+")));
    }
    return options;
  }
}
