package dev.flags.download;

import dev.flags.store.FlagStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BiPredicate;

/**
 * A store whose save of one file throws what no save should (a bug, a JDK surprise such as an
 * unencodable name): the per-flag path must make that one flag's result of it.
 */
public final class BrokenStore extends FlagStore {
  public static final String BROKEN = "br.gif";

  public BrokenStore(Path dir, BiPredicate<String, String> claims) {
    super(dir, claims);
  }

  public BrokenStore(Path dir) {
    super(dir);
  }

  @Override
  public Path save(String fileName, byte[] bytes, Instant lastModified) throws IOException {
    if (fileName.equals(BROKEN)) {
      throw new IllegalStateException("no save for " + fileName);
    }
    return super.save(fileName, bytes, lastModified);
  }
}
