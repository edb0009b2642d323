package dev.flags.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagStoreTest {
  @TempDir Path dir;

  @Test
  void savesUnderTheFinalNameAndLeavesNoTempFile() throws IOException {
    Path saved = new FlagStore(dir).save("br.gif", new byte[] {1, 2, 3});
    assertThat(saved).isEqualTo(dir.resolve("br.gif")).hasBinaryContent(new byte[] {1, 2, 3});
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(saved);
    }
  }

  @Test
  void replacesAnOlderFileWhole() throws IOException {
    Files.write(dir.resolve("br.gif"), new byte[] {9, 9, 9, 9, 9});
    new FlagStore(dir).save("br.gif", new byte[] {1});
    assertThat(dir.resolve("br.gif")).hasBinaryContent(new byte[] {1});
  }

  @Test
  void aFailedSaveLeavesNoTrace() throws IOException {
    Path gone = dir.resolve("gone");
    assertThatThrownBy(() -> new FlagStore(gone).save("br.gif", new byte[] {1}))
        .isInstanceOf(IOException.class);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
