package dev.flags.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What tests need to know about processes that {@link ProcessHandle} does not say. */
public final class Processes {
  private Processes() {}

  /**
   * Whether the process is still running. {@link ProcessHandle#isAlive} also counts a zombie: a
   * process that has exited but whose parent has not yet collected it. An orphan's zombie waits for
   * init to collect it, which can take seconds in a container; it is no running worker. On Linux
   * the state comes from {@code /proc/PID/stat}; elsewhere this falls back to {@code isAlive}.
   */
  public static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    try {
      String line = Files.readString(stat);
      // "PID (COMMAND) STATE ...": the command may hold spaces or parentheses; the state follows
      // the last ')'.
      char state = line.charAt(line.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | IndexOutOfBoundsException e) {
      return Files.exists(Path.of("/proc")) ? false : process.isAlive();
    }
  }
}
