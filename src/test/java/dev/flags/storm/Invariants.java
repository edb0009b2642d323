package dev.flags.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.country.Countries;
import dev.flags.server.FlagGif;
import dev.flags.testing.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What must hold after every run of the storm, whatever was thrown at it. Made before the run
 * ({@link #watch}, which takes a snapshot of the folders), checked after it ({@link #check}, {@link
 * #checkStopped}):
 *
 * <ul>
 *   <li>the {@code --format json} report adds up: {@code ok + not_found + errors == requested}, one
 *       entry per code, counts equal to the statuses;
 *   <li>the report and the files agree: the destination holds exactly what it held before plus one
 *       file per flag reported OK; each downloaded file is byte-identical to what the server meant
 *       to send, and its size is the {@code bytes} reported; a file already there and not replaced
 *       by an OK download is untouched (a symbolic link stays the same link);
 *   <li>no temp file ({@code .*.part}) or other hidden file remains;
 *   <li>nothing changed outside the destination, anywhere under {@code root};
 *   <li>exit code 1 if and only if there were errors (or the signal's 130/143 when stopped);
 *   <li>no stack trace on stderr.
 * </ul>
 *
 * <p>Threads, descriptors and processes are {@link Resources}' part; the time bound is the
 * caller's.
 */
final class Invariants {
  private final Path root;
  private final Path dest;
  private final Map<Path, String> outside;
  private final Map<String, String> before;
  private Function<String, byte[]> served = Invariants::generated;
  private Function<String, List<String>> named = cc -> List.of(plainName(cc));

  private Invariants(Path root, Path dest) {
    this.root = root;
    this.dest = dest;
    this.outside = tree(root, dest);
    this.before = Files.isDirectory(dest) ? entries(dest) : Map.of();
  }

  /**
   * Takes the snapshot: everything under {@code root} but {@code dest} must stay as it is, and
   * {@code dest} (inside root, or root itself) may change only as the report says.
   */
  static Invariants watch(Path root, Path dest) {
    return new Invariants(root, dest);
  }

  /** What the server sends for each code (default: the embedded server's generated flags). */
  Invariants served(Function<String, byte[]> bodies) {
    served = bodies;
    return this;
  }

  /**
   * The names each code may be saved under, e.g. {@code Brazil.gif} or, when its metadata could not
   * be had, {@code br.gif} (default: only {@code cc.gif}).
   */
  Invariants named(Function<String, List<String>> names) {
    named = names;
    return this;
  }

  static String plainName(String cc) {
    return cc.toLowerCase(Locale.ROOT) + ".gif";
  }

  /** The generated GIF the embedded server and {@code flags serve} send for a code. */
  static byte[] generated(String cc) {
    return FlagGif.generate(Countries.byCode(cc).orElseThrow());
  }

  /** Checks a run that ended by itself: exit 1 if and only if there were errors. */
  Report check(Cli.Run run) {
    Report report = checkReport(run, false);
    assertThat(run.exitCode())
        .as("exit code of a run with %d errors; stderr: %s", report.errors(), run.err())
        .isEqualTo(report.errors() > 0 ? 1 : 0);
    return report;
  }

  /**
   * Checks a run stopped by a signal: its exit code, and the partial report, which still adds up,
   * with every unfinished flag an error.
   */
  Report checkStopped(Cli.Run run, int exitCode) {
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(exitCode);
    Report report = checkReport(run, true);
    assertThat(report.errors()).as("a stopped run has unfinished flags").isPositive();
    return report;
  }

  /**
   * Checks what is left of a run that could not report (its process killed): every new file is a
   * complete flag under its code's name, byte-identical to what the server sent; nothing else
   * changed, no temp file is left, nothing outside the destination changed.
   */
  void checkFilesOnly() {
    Map<String, String> after = entries(dest);
    for (Map.Entry<String, String> entry : after.entrySet()) {
      String name = entry.getKey();
      if (before.containsKey(name)) {
        assertThat(entry.getValue()).as("%s untouched", name).isEqualTo(before.get(name));
        continue;
      }
      assertThat(name).as("a flag's name, not a temp file").matches("[a-z]{2}\\.gif");
      String cc = name.substring(0, 2).toUpperCase(Locale.ROOT);
      assertThat(entry.getValue()).as(name).isEqualTo(digest(served.apply(cc)));
    }
    assertThat(before.keySet()).as("nothing removed").isSubsetOf(after.keySet());
    assertThat(tree(root, dest)).as("nothing changed outside %s", dest).isEqualTo(outside);
  }

  /**
   * @param stopped a signal stopped the run: a flag reported "interrupted" may still have a file,
   *     if its save completed as the signal landed (a process-pool worker finishing its rename);
   *     such a file must be complete and byte-identical, like any other.
   */
  private Report checkReport(Cli.Run run, boolean stopped) {
    assertThat(run.err()).as("no stack trace").doesNotContain("\tat ", "Caused by:");
    Report report = Report.parse(run.out());
    assertThat(report.flags()).hasSize(report.requested());
    assertThat(report.flags().stream().map(Report.Flag::cc).distinct()).hasSize(report.requested());
    assertThat(report.ok() + report.notFound() + report.errors()).isEqualTo(report.requested());
    assertThat(report.with("ok")).hasSize((int) report.ok());
    assertThat(report.with("not_found")).hasSize((int) report.notFound());
    assertThat(report.with("error")).hasSize((int) report.errors());
    checkFiles(report, stopped);
    assertThat(tree(root, dest)).as("nothing changed outside %s", dest).isEqualTo(outside);
    return report;
  }

  private void checkFiles(Report report, boolean stopped) {
    Map<String, String> after = entries(dest);
    Map<String, String> expected = new HashMap<>(before);
    Set<String> downloaded = new HashSet<>();
    if (stopped) {
      for (Report.Flag flag : report.with("error").values()) {
        named.apply(flag.cc()).stream()
            .filter(n -> !before.containsKey(n) && after.containsKey(n))
            .findFirst()
            .ifPresent(n -> expected.put(n, digest(served.apply(flag.cc()))));
      }
    }
    for (Report.Flag flag : report.with("ok").values()) {
      List<String> names = named.apply(flag.cc());
      if (flag.bytes() > 0) {
        byte[] body = served.apply(flag.cc());
        assertThat(flag.bytes()).as("bytes of %s", flag.cc()).isEqualTo(body.length);
        String digest = digest(body);
        // Of the names it may have, the one holding its bytes (if none does, the check fails).
        String name =
            names.stream()
                .filter(n -> digest.equals(after.get(n)) && !downloaded.contains(n))
                .findFirst()
                .orElse(names.getFirst());
        expected.put(name, digest);
        downloaded.add(name);
      } else {
        assertThat(names)
            .as("%s reported already saved", flag.cc())
            .anyMatch(name -> before.containsKey(name));
      }
    }
    assertThat(after.keySet())
        .as("no temp or hidden file left")
        .allMatch(name -> before.containsKey(name) || !name.startsWith("."));
    assertThat(new TreeMap<>(after))
        .as("the files are those before plus one per OK download, each as the server sent it")
        .isEqualTo(new TreeMap<>(expected));
    long downloads = report.with("ok").values().stream().filter(f -> f.bytes() > 0).count();
    assertThat(downloaded).as("each OK download has a file of its own").hasSize((int) downloads);
  }

  /** Each entry of a folder by name: a regular file's digest, or what a link points to. */
  private static Map<String, String> entries(Path dir) {
    Map<String, String> entries = new HashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(path -> entries.put(path.getFileName().toString(), describe(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** Everything under {@code root} except {@code skip}'s subtree, described. */
  private static Map<Path, String> tree(Path root, Path skip) {
    Map<Path, String> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(path -> !path.startsWith(skip))
          .forEach(path -> tree.put(root.relativize(path), describe(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tree;
  }

  private static String describe(Path path) {
    try {
      if (Files.isSymbolicLink(path)) {
        return "link to " + Files.readSymbolicLink(path);
      }
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        return "folder";
      }
      return digest(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return bytes.length
          + " bytes "
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The codes of a report's flags with this status, sorted. */
  static List<String> codes(Report report, String status) {
    return report.with(status).keySet().stream().sorted().toList();
  }
}
