package dev.flags.download.pool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a worker JVM: this program's hidden {@code worker} command, started fast. */
final class WorkerJvm {
  /**
   * The workers' own AOT cache, which the launcher names in this property: trained on a worker's
   * path alone (see {@code dev.flags.AotTraining}), it holds a quarter fewer classes than the
   * command's cache, and a JVM loads every class its cache holds as it starts. Without it, workers
   * get the command's cache ({@link #AOT_CACHE_PROPERTY}), else the JDK's own archive.
   */
  static final String WORKER_AOT_CACHE_PROPERTY = "flags.aot.worker.cache";

  /** The AOT cache this JVM was started with, which the launcher names in this property. */
  static final String AOT_CACHE_PROPERTY = "flags.aot.cache";

  private WorkerJvm() {}

  /**
   * {@code java [fast-start options] -cp <this classpath> dev.flags.Main worker}. C1 alone even for
   * a run that computes ({@code --work}): its work runs as fast in every JIT mode (see {@link
   * dev.flags.work.CpuWork}), so the worker computes at its parent's speed whatever the parent's
   * JIT, and starts faster than under the full one.
   */
  static List<String> command(String workerCommand) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    // Fast start for a short-lived JVM (C1 alone, serial GC, no wait at exit for threads in native
    // code), and a worker's own (see JvmOptions).
    command.addAll(
        JvmOptions.of(JvmOptions.C1, JvmOptions.GC, JvmOptions.QUICK_EXIT, JvmOptions.WORKER));
    command.addAll(aotOptions());
    for (String name : System.getProperties().stringPropertyNames()) {
      if (reachesWorkers(name)) {
        command.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.flags.Main", workerCommand));
    return command;
  }

  /** Whether workers record an AOT configuration: the build's AOT training. */
  static boolean recording() {
    return System.getProperty(ProcessPoolDownloader.WORKER_AOT_RECORD_PROPERTY) != null;
  }

  /** The AOT cache a worker starts with, or the recording of one during the AOT training. */
  private static List<String> aotOptions() {
    String record = System.getProperty(ProcessPoolDownloader.WORKER_AOT_RECORD_PROPERTY);
    if (record != null) {
      return List.of(
          "-XX:AOTMode=record",
          "-XX:AOTConfiguration=" + record,
          "-XX:+UnlockDiagnosticVMOptions",
          "-XX:-AOTRecordTraining", // as the command's cache: see the aot-cache execution, pom.xml
          "-Xlog:aot*=off,cds*=off");
    }
    String cache =
        System.getProperty(WORKER_AOT_CACHE_PROPERTY, System.getProperty(AOT_CACHE_PROPERTY));
    return cache == null ? List.of() : List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off,cds*=off");
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
