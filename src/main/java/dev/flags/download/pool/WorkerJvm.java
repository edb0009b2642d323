package dev.flags.download.pool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a worker JVM: this program's hidden {@code worker} command, started fast. */
final class WorkerJvm {
  /**
   * Fast start for short-lived JVMs (C1 only, serial GC, no wait at exit for threads in native
   * code), and any VM message on stderr so that stdout carries only the protocol. Native
   * reflection: a worker's first message is read by Jackson, which builds the run's record through
   * its constructor, and the JDK's default accessor first generates a method handle form for that
   * signature; the native one calls it at once (a start-up lever: see the package doc of {@code
   * dev.flags}).
   */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-XX:-UsePerfData",
          "-XX:UserThreadWaitAttemptsAtExit=0",
          "-XX:+DisplayVMOutputToStderr",
          "-Djdk.reflect.useNativeAccessorOnly=true");

  /**
   * The AOT cache this JVM was started with, which the launcher names in this property: workers run
   * the same jar, so they start with it too; otherwise the JDK's own archive.
   */
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
    command.addAll(JVM_OPTIONS);
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
