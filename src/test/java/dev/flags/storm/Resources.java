package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What this JVM holds that a run must give back: open file descriptors, platform threads and child
 * processes. Take {@link #now} before a run (with the servers it talks to already started) and
 * {@link #awaitBack} after it: sockets close and threads end a little after a run returns, so the
 * counts are waited for, within a bound, never slept for.
 *
 * <p>Threads of the JVM's and libraries' shared pools are not the run's to end: they are bounded,
 * serve every run, and end by themselves when idle (OkHttp's task runner and Okio's watchdog after
 * 60 s, the process reaper, the carriers of virtual threads). Any other thread started during the
 * run and still alive is left behind.
 *
 * @param descriptors entries of /proc/self/fd, or -1 where there is no such folder
 * @param files what they are open on (for messages)
 * @param threads the platform threads alive
 * @param pools the thread-name prefixes of the ForkJoinPools alive ({@code ForkJoinPool-1-})
 * @param children the child processes alive, as pids
 */
record Resources(
    int descriptors,
    List<String> files,
    Set<Thread> threads,
    Set<String> pools,
    Set<Long> children) {
  private static final Path FDS = Path.of("/proc/self/fd");
  private static final List<String> SHARED =
      List.of(
          "OkHttp ", // OkHttp's JVM-wide TaskRunner pool; its threads take the name of their task
          "Okio Watchdog",
          "process reaper",
          "ForkJoinPool.commonPool-",
          "Attach Listener",
          "CompletableFutureDelayScheduler",
          "Common-Cleaner");
  private static final Duration SETTLE = Duration.ofSeconds(20);

  static Resources now() {
    Set<Thread> threads = Set.copyOf(Thread.getAllStackTraces().keySet());
    Set<String> pools =
        threads.stream()
            .map(Thread::getName)
            .filter(name -> name.matches("ForkJoinPool-\\d+-.*"))
            .map(name -> name.substring(0, name.indexOf('-', "ForkJoinPool-".length()) + 1))
            .collect(Collectors.toSet());
    Set<Long> children =
        ProcessHandle.current()
            .descendants()
            .filter(ProcessHandle::isAlive)
            .map(ProcessHandle::pid)
            .collect(Collectors.toSet());
    return new Resources(countDescriptors(), openFiles(), threads, pools, children);
  }

  private static int countDescriptors() {
    if (!Files.isDirectory(FDS)) {
      return -1;
    }
    try (Stream<Path> fds = Files.list(FDS)) {
      return (int) fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> openedSince(Resources before) {
    List<String> opened = new java.util.ArrayList<>(files);
    before.files.forEach(opened::remove);
    return opened.stream().map(Resources::describeSocket).toList();
  }

  /**
   * {@code socket:[123]} with its ends and TCP state from /proc/net/tcp(6), e.g. {@code
   * socket:[123] 127.0.0.1:41234 -> 127.0.0.1:8080 CLOSE_WAIT}: which side of which connection was
   * left open.
   */
  private static String describeSocket(String file) {
    java.util.regex.Matcher socket =
        java.util.regex.Pattern.compile("socket:\\[(\\d+)]").matcher(file);
    if (!socket.matches()) {
      return file;
    }
    String[] states = {
      "?",
      "ESTABLISHED",
      "SYN_SENT",
      "SYN_RECV",
      "FIN_WAIT1",
      "FIN_WAIT2",
      "TIME_WAIT",
      "CLOSE",
      "CLOSE_WAIT",
      "LAST_ACK",
      "LISTEN",
      "CLOSING"
    };
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+", -1);
          if (f.length > 9 && f[9].equals(socket.group(1))) {
            int state = Integer.parseInt(f[3], 16);
            return file
                + " "
                + endpoint(f[1])
                + " -> "
                + endpoint(f[2])
                + " "
                + (state < states.length ? states[state] : f[3]);
          }
        }
      } catch (IOException | RuntimeException e) {
        // no such table here: the bare name will do
      }
    }
    return file;
  }

  /** {@code 0100007F:A0B2} as {@code 127.0.0.1:41138} (IPv4; other forms as they are). */
  private static String endpoint(String hex) {
    String[] parts = hex.split(":", -1);
    int port = Integer.parseInt(parts[1], 16);
    if (parts[0].length() != 8) {
      return hex.substring(0, Math.min(hex.length(), 40)) + " port " + port;
    }
    long a = Long.parseLong(parts[0], 16);
    return (a & 0xff)
        + "."
        + (a >> 8 & 0xff)
        + "."
        + (a >> 16 & 0xff)
        + "."
        + (a >> 24 & 0xff)
        + ":"
        + port;
  }

  /** What the descriptors are open on, for a failure's message. */
  private static List<String> openFiles() {
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.map(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                  return "?";
                }
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Waits until no more descriptors, threads or child processes are held than at this snapshot. */
  void awaitBack() {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .pollInSameThread() // no poller thread of its own to count
        .untilAsserted(
            () -> {
              Resources now = now();
              assertThat(now.descriptors)
                  .as("open descriptors; opened since: %s", now.openedSince(this))
                  .isLessThanOrEqualTo(descriptors);
              assertThat(now.leftBehind(this)).as("threads left behind").isEmpty();
              assertThat(now.children).as("child processes left").isSubsetOf(children);
            });
  }

  /** The threads alive now that were not at {@code before}, shared pools aside, by name. */
  private List<String> leftBehind(Resources before) {
    return threads.stream()
        .filter(Thread::isAlive)
        .filter(thread -> !before.threads.contains(thread))
        .map(Thread::getName)
        .filter(name -> SHARED.stream().noneMatch(name::startsWith))
        .filter(name -> before.pools.stream().noneMatch(name::startsWith))
        .sorted()
        .toList();
  }
}
