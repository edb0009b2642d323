package dev.flags.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * File-tree chores of the dist build: delete, copy with times, packaging permissions, the fixed
 * times of a reproducible build, and digests.
 */
final class Trees {
  private Trees() {}

  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> PLAIN =
      PosixFilePermissions.fromString("rw-r--r--");

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Copies the tree {@code from} to {@code to}, keeping times (the AOT cache checks the jars'). */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path path : all.toList()) {
        Path copy = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  /**
   * The permissions a package wants: folders and programs rwxr-xr-x, every other file rw-r--r--
   * (jlink leaves some read-only, and libraries need no executable bit). Programs are the launcher
   * and those of the runtime's {@code bin}, and its {@code lib/jspawnhelper}, which starts the
   * process-pool workers.
   */
  static void normalizeModes(Path tree) throws IOException {
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path path : all.toList()) {
        if (Files.isSymbolicLink(path)) {
          continue;
        }
        boolean program =
            Files.isDirectory(path)
                || path.getParent().getFileName().toString().equals("bin")
                || isProgram(path);
        Files.setPosixFilePermissions(path, program ? EXECUTABLE : PLAIN);
      }
    }
  }

  /** The runtime's programs outside its {@code bin}: {@code jspawnhelper} starts processes. */
  static boolean isProgram(Path file) {
    String name = file.getFileName().toString();
    return name.equals("jspawnhelper") || name.equals("jexec");
  }

  /** The regular files under {@code dir}, sorted, relative to it. */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(dir::relativize)
          .sorted()
          .toList();
    }
  }

  /**
   * Gives every file, folder and link under {@code tree} (itself included) the modification time
   * {@code time}: the release's, so that two builds archive the same bytes. Folders last, since
   * writing into one would change its time.
   */
  static void setTimes(Path tree, Instant time) throws IOException {
    FileTime fileTime = FileTime.from(time);
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .setTimes(fileTime, null, null);
      }
    }
  }

  /** The file's digest in lower-case hex, e.g. {@code digest(file, "SHA-256")}. */
  static String digest(Path file, String algorithm) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) != -1) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
