package dev.flags.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves flags into the destination folder so that a final name only ever holds a complete file: the
 * bytes go to a hidden temp file in the same folder (same filesystem, so the move is atomic), which
 * is then renamed over the final name. A failure leaves the old file, if any, untouched.
 */
public final class FlagStore {
  private final Path dir;

  public FlagStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Writes {@code bytes} under {@code fileName} atomically; returns the final path. */
  public Path save(String fileName, byte[] bytes) throws IOException {
    Path target = dir.resolve(fileName);
    Path temp = Files.createTempFile(dir, "." + fileName + ".", ".part");
    try {
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } finally {
      Files.deleteIfExists(temp); // a no-op after a successful move
    }
  }
}
