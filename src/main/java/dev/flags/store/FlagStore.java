package dev.flags.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Saves flags into the destination folder so that a final name only ever holds a complete file: the
 * bytes go to a hidden temp file in the same folder (same filesystem, so the move is atomic), which
 * is then renamed over the final name. A failure leaves the old file, if any, untouched.
 *
 * <p>Names are checked to be one plain name inside the folder (see {@link SafeNames} for making one
 * from untrusted text). A symbolic link under the final name is refused, not replaced and never
 * written through: it was put there by someone, and the rename would silently drop it. (Even if a
 * link appears between that check and the rename, {@code rename(2)} replaces the link itself; it
 * never follows it.) Temp files in progress are tracked, so that an interrupted run can remove
 * them: {@link #removeTempFiles}.
 */
public class FlagStore {
  private static final String TEMP_SUFFIX = ".part";

  /** The names {@link #save} gives its temp files: {@code .br.gif.k3x9q2.part}. */
  private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.[0-9a-z]{1,13}\\.part");

  private final Path dir;
  private final Set<Path> tempFiles = ConcurrentHashMap.newKeySet();
  private final Map<String, String> claimed = new ConcurrentHashMap<>();
  private final BiPredicate<String, String> claims;

  public FlagStore(Path dir) {
    this.dir = dir;
    this.claims = this::claimHere;
  }

  /**
   * A store whose {@link #claim}s are decided elsewhere: a process-pool worker asks its parent, so
   * that names are unique across the whole run, not just within one worker.
   */
  public FlagStore(Path dir, BiPredicate<String, String> claims) {
    this.dir = dir;
    this.claims = claims;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Reserves {@code fileName} for {@code owner} (a country code) for as long as this store lives (a
   * run); false if another owner has it. Names are compared ignoring case, as the file systems of
   * macOS and Windows do. So the flags of one run never overwrite one another, whatever names a
   * server gives them.
   */
  public boolean claim(String fileName, String owner) {
    return claims.test(fileName, owner);
  }

  private boolean claimHere(String fileName, String owner) {
    String holder = claimed.putIfAbsent(fileName.toLowerCase(Locale.ROOT), owner);
    return holder == null || holder.equals(owner);
  }

  /** Writes {@code bytes} under {@code fileName} atomically; returns the final path. */
  public Path save(String fileName, byte[] bytes) throws IOException {
    return save(fileName, bytes, null);
  }

  /**
   * Writes {@code bytes} under {@code fileName} atomically, with {@code lastModified} as its
   * modification time if not null (the server's Last-Modified, for later conditional requests);
   * returns the final path.
   */
  public Path save(String fileName, byte[] bytes, Instant lastModified) throws IOException {
    Path target =
        plainPath(fileName)
            .orElseThrow(
                () -> new IOException("unsafe file name: " + fileName.length() + " chars"));
    if (Files.isSymbolicLink(target)) {
      throw new IOException(fileName + " is a symbolic link: left as it is");
    }
    // Registered before it exists, so that removeTempFiles cannot miss it.
    Path temp =
        dir.resolve(
            "."
                + fileName
                + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + TEMP_SUFFIX);
    tempFiles.add(temp);
    try {
      Files.createFile(temp); // O_EXCL: never an existing file, never through a planted link
      Files.write(
          temp,
          bytes,
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING,
          LinkOption.NOFOLLOW_LINKS);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (lastModified != null) {
        // Dated after the move: a temp file dated like its flag (often years ago) would look
        // abandoned to another run sweeping the same folder (removeStaleTempFiles, e.g. a --shard
        // started beside this one), which would remove it before the move.
        Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .setTimes(FileTime.from(lastModified), null, null);
      }
      return target;
    } finally {
      Files.deleteIfExists(temp); // a no-op after a successful move
      tempFiles.remove(temp);
    }
  }

  /**
   * Whether {@code fileName} already holds a flag: a regular file (not a link) that starts with a
   * GIF signature. An empty or damaged file does not count, so it is downloaded again.
   */
  public boolean holdsGif(String fileName) {
    Path path = plainPath(fileName).orElse(null);
    if (path == null || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      return Gif.hasSignature(in.readNBytes(Gif.SIGNATURE_LENGTH));
    } catch (IOException e) {
      return false;
    }
  }

  /** The modification time of {@code fileName} if it is a regular file holding a GIF. */
  public Optional<Instant> lastModified(String fileName) {
    if (!holdsGif(fileName)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Files.readAttributes(
                  plainPath(fileName).orElseThrow(),
                  BasicFileAttributes.class,
                  LinkOption.NOFOLLOW_LINKS)
              .lastModifiedTime()
              .toInstant());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Removes the temp files of saves still in progress (an interrupted run); never throws. */
  public void removeTempFiles() {
    for (Path temp : tempFiles) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // best effort: the process is going away
      }
    }
  }

  /**
   * Removes from {@code dir} the temp files of saves that a killed run left behind ({@code kill
   * -9}, a power cut: no chance to clean up), if older than {@code age}. A save keeps its temp file
   * only while it writes bytes already in memory, milliseconds, so an old one belongs to no live
   * run, not even one saving into the same folder right now. Returns how many were removed; never
   * throws: a file it cannot remove stays, as before.
   */
  public static int removeStaleTempFiles(Path dir, Duration age) {
    Instant before = Instant.now().minus(age);
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX)) {
      for (Path entry : entries) {
        if (TEMP_NAME.matcher(entry.getFileName().toString()).matches()
            && isOlderRegularFile(entry, before)
            && Files.deleteIfExists(entry)) {
          removed++;
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      // a folder we cannot list is reported by the saves themselves
    }
    return removed;
  }

  private static boolean isOlderRegularFile(Path path, Instant before) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(before);
  }

  /**
   * {@code dir/fileName}, provided the name is one plain name that stays inside {@code dir} and one
   * this platform can give a file.
   */
  private Optional<Path> plainPath(String fileName) {
    boolean plain =
        !fileName.isEmpty()
            && fileName.indexOf('/') < 0
            && fileName.indexOf('\\') < 0
            && fileName.indexOf('\0') < 0
            && !fileName.startsWith(".");
    if (!plain) {
      return Optional.empty();
    }
    Path name;
    try {
      name = Path.of(fileName);
    } catch (InvalidPathException e) {
      return Optional.empty(); // not a name this platform can give a file (see SafeNames)
    }
    return name.getNameCount() == 1 ? Optional.of(dir.resolve(name)) : Optional.empty();
  }
}
