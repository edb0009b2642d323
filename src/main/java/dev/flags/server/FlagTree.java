package dev.flags.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Flags in the book's layout ({@code <cc>/<cc>.gif} and {@code <cc>/metadata.json}) read from a
 * folder or straight from a zip such as the book's {@code flags.zip}, whose entries sit under a
 * top-level {@code flags/} folder. One top-level folder of any name is allowed, in a folder too, so
 * both the unpacked {@code flags} folder and the folder it was unpacked into work.
 *
 * <p>Everything is read into memory at start (the book's 194 flags weigh 2.4 MB): a bad tree is
 * reported before the server listens, and requests never touch the disk.
 */
public final class FlagTree implements FlagCatalog {
  /**
   * An optional top-level folder (group 1), then a path in the book's layout (group 2; its
   * back-reference to the country code renumbered from 1 to 3).
   */
  private static final Pattern ENTRY =
      Pattern.compile("(?:([^/]+)/)?(" + BookLayout.PATH.pattern().replace("\\1", "\\3") + ")");

  private static final long MAX_FILE_BYTES = 8L << 20;
  private static final long MAX_TOTAL_BYTES = 256L << 20;

  private final Map<String, Resource> resources;

  private FlagTree(Map<String, Resource> resources) {
    this.resources = Collections.unmodifiableMap(resources);
  }

  /** The input is not a readable tree in the book's layout; the message says why, in one line. */
  public static final class BadTreeException extends IOException {
    BadTreeException(String message) {
      super(message);
    }
  }

  /** Reads the tree at {@code path}: a folder or a zip file. */
  public static FlagTree load(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new BadTreeException(path + ": no such file or folder");
    }
    if (!Files.isReadable(path)) {
      throw new BadTreeException(path + ": not readable");
    }
    Collector collector = new Collector(path);
    if (Files.isDirectory(path)) {
      readFolder(path, collector);
    } else {
      readZip(path, collector);
    }
    return collector.tree();
  }

  private static void readFolder(Path dir, Collector collector) throws IOException {
    try (Stream<Path> files = Files.walk(dir, 3)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name =
            dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (collector.wants(name)) {
          try (InputStream in = Files.newInputStream(file)) {
            collector.add(name, in, Files.getLastModifiedTime(file).toInstant());
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw unreadable(dir, e.getCause());
    } catch (FileSystemException e) {
      throw unreadable(dir, e);
    }
  }

  private static void readZip(Path zip, Collector collector) throws IOException {
    ZipFile file;
    try {
      file = new ZipFile(zip.toFile());
    } catch (ZipException e) {
      throw new BadTreeException(zip + ": neither a folder nor a zip file");
    }
    try (file) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory() && collector.wants(entry.getName())) {
          try (InputStream in = file.getInputStream(entry)) {
            collector.add(entry.getName(), in, entry.getLastModifiedTime().toInstant());
          }
        }
      }
    } catch (ZipException e) {
      throw new BadTreeException(zip + ": damaged zip file (" + e.getMessage() + ")");
    }
  }

  private static BadTreeException unreadable(Path path, IOException e) {
    return new BadTreeException(
        path + ": cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
  }

  /** Collects the files that match the layout and checks they share one top-level folder. */
  private static final class Collector {
    private final Path source;
    private final Map<String, Resource> resources = new TreeMap<>();
    private final TreeSet<String> roots = new TreeSet<>();
    private long total;

    Collector(Path source) {
      this.source = source;
    }

    boolean wants(String name) {
      return ENTRY.matcher(name).matches();
    }

    void add(String name, InputStream in, Instant modified) throws IOException {
      Matcher match = ENTRY.matcher(name);
      if (!match.matches()) {
        return;
      }
      roots.add(match.group(1) == null ? "" : match.group(1) + "/");
      byte[] body = in.readNBytes((int) MAX_FILE_BYTES + 1);
      total += body.length;
      if (body.length > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
        throw new BadTreeException(
            source + ": " + name + " is too large (at most 8 MB a file, 256 MB in all)");
      }
      String path = match.group(2);
      resources.put(
          path,
          new Resource(
              body, BookLayout.contentType(path), modified.truncatedTo(ChronoUnit.SECONDS)));
    }

    FlagTree tree() throws BadTreeException {
      if (roots.size() > 1) {
        throw new BadTreeException(
            source
                + ": flags in more than one place ("
                + roots.stream()
                    .map(root -> root.isEmpty() ? "the top level" : root)
                    .collect(Collectors.joining(", "))
                + "); expected one <cc>/<cc>.gif tree");
      }
      if (resources.keySet().stream().noneMatch(BookLayout::isFlag)) {
        throw new BadTreeException(
            source + ": no flags in the book's layout (<cc>/<cc>.gif, optionally under flags/)");
      }
      return new FlagTree(resources);
    }
  }

  @Override
  public Optional<Resource> find(String path) {
    return Optional.ofNullable(resources.get(path));
  }

  /** How many flag GIFs the tree holds. */
  public long flagCount() {
    return resources.keySet().stream().filter(BookLayout::isFlag).count();
  }
}
