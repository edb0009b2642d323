package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mode of the packaged tool saves the same 194 files from the embedded server. */
class FiveModesIT {
  @TempDir Path dir;

  @Test
  void everyModeSavesTheSame194Files() throws Exception {
    Map<String, String> reference = null;
    for (String mode : new String[] {"sequential", "threads", "processes", "virtual", "async"}) {
      Path dest = dir.resolve(mode);
      LauncherIT.Result run =
          LauncherIT.launch("--mode=" + mode, "-a", "-v", "-d", dest.toString());
      assertThat(run.exitCode()).as(mode + ": " + run.err()).isZero();
      assertThat(run.out()).as(mode).contains("194 flags downloaded.");
      assertThat(run.out().lines().filter(l -> l.endsWith(" OK"))).as(mode).hasSize(194);
      if (mode.equals("processes")) {
        assertThat(run.out()).containsPattern("Worker start-up: \\d+\\.\\d\\ds \\(\\d+ JVMs?\\)");
      }
      Map<String, String> hashes = sha256(dest);
      assertThat(hashes).as(mode).hasSize(194);
      if (reference == null) {
        reference = hashes;
      } else {
        assertThat(hashes).as(mode).isEqualTo(reference);
      }
    }
  }

  private static Map<String, String> sha256(Path dest)
      throws IOException, NoSuchAlgorithmException {
    Map<String, String> hashes = new TreeMap<>();
    try (var files = Files.list(dest)) {
      for (Path file : files.toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        hashes.put(file.getFileName().toString(), HexFormat.of().formatHex(digest));
      }
    }
    return hashes;
  }
}
