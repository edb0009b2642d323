package dev.flags.download.pool;

import dev.flags.work.JitMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a worker JVM: this program's hidden {@code worker} command, started fast. */
final class WorkerJvm {
  /**
   * The AOT cache this JVM was started with, which the launcher names in this property: workers run
   * the same jar, so they start with it too; otherwise the JDK's own archive.
   */
  static final String AOT_CACHE_PROPERTY = "flags.aot.cache";

  private WorkerJvm() {}

  /** {@code java [fast-start options] -cp <this classpath> dev.flags.Main worker}. */
  static List<String> command(String workerCommand) {
    return command(workerCommand, false);
  }

  /**
   * The same; for a run that computes ({@code --work}) with this JVM's JIT options instead of C1
   * alone ({@link JitMode}): the parent calibrated the rounds with its JIT, and C1 alone computes
   * SHA-256 many times slower than C2 (which uses the CPU's SHA instructions). A run without work
   * keeps the fast start.
   */
  static List<String> command(String workerCommand, boolean computes) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    // Fast start for a short-lived JVM (C1 alone, serial GC, no wait at exit for threads in
    // native code), and its own (see JvmOptions). A run that computes runs this JVM's JIT instead
    // of C1 alone.
    command.addAll(
        computes
            ? JvmOptions.of(JvmOptions.GC, JvmOptions.QUICK_EXIT, JvmOptions.WORKER)
            : JvmOptions.of(
                JvmOptions.C1, JvmOptions.GC, JvmOptions.QUICK_EXIT, JvmOptions.WORKER));
    if (computes) {
      command.addAll(JitMode.ofThisJvm().options());
    }
    String aotCache = System.getProperty(AOT_CACHE_PROPERTY);
    if (aotCache != null) {
      command.addAll(List.of("-XX:AOTCache=" + aotCache, "-Xlog:aot*=off,cds*=off"));
    }
    for (String name : System.getProperties().stringPropertyNames()) {
      if (reachesWorkers(name)) {
        command.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.flags.Main", workerCommand));
    return command;
  }

  /**
   * Settings that shape a download travel as system properties: the log level, and the TLS trust
   * and proxy settings a user gives the parent JVM (workers must trust the same servers).
   */
  private static boolean reachesWorkers(String name) {
    return name.equals("flags.log.level")
        || name.startsWith("javax.net.ssl.")
        || name.startsWith("jdk.tls.")
        || name.endsWith(".proxyHost")
        || name.endsWith(".proxyPort")
        || name.endsWith(".nonProxyHosts");
  }
}
