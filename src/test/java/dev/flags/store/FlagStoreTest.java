package dev.flags.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagStoreTest {
  private static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 2, 3};

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

  @Test
  void refusesNamesThatAreNotOnePlainName() throws IOException {
    Path inner = Files.createDirectory(dir.resolve("dest"));
    FlagStore store = new FlagStore(inner);
    for (String name : new String[] {"../x.gif", "a/b.gif", "..", ".", "", ".hidden", "a\0b"}) {
      assertThatThrownBy(() -> store.save(name, GIF)).as(name).isInstanceOf(IOException.class);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(inner);
    }
  }

  @Test
  void aNameThePlatformCannotEncodeIsAnIoErrorNotACrash() throws IOException {
    FlagStore store = new FlagStore(dir);
    String unencodable = "a\uD800b.gif"; // a lone surrogate: no charset can spell it
    assertThatThrownBy(() -> store.save(unencodable, GIF)).isInstanceOf(IOException.class);
    assertThat(store.holdsGif(unencodable)).isFalse();
    assertThat(store.lastModified(unencodable)).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void neverWritesThroughAPlantedSymlinkAndLeavesItAlone() throws IOException {
    Path dest = Files.createDirectory(dir.resolve("dest"));
    Path secret = Files.writeString(dir.resolve("secret.txt"), "do not touch");
    Path link = Files.createSymbolicLink(dest.resolve("Brazil.gif"), secret);
    FlagStore store = new FlagStore(dest);

    assertThatThrownBy(() -> store.save("Brazil.gif", GIF))
        .isInstanceOf(IOException.class)
        .hasMessage("Brazil.gif is a symbolic link: left as it is");
    assertThat(secret).hasContent("do not touch");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(store.holdsGif("Brazil.gif")).isFalse(); // a link is never "already saved"
    try (var files = Files.list(dest)) {
      assertThat(files).containsExactly(link);
    }
  }

  @Test
  void theRenameReplacesALinkItselfNeverItsTarget() throws IOException {
    // What makes the check-then-rename race harmless: rename(2) does not follow a link.
    Path secret = Files.writeString(dir.resolve("secret.txt"), "do not touch");
    Path link = Files.createSymbolicLink(dir.resolve("br.gif"), secret);
    Path temp = Files.write(dir.resolve(".br.gif.part"), GIF);
    Files.move(
        temp,
        link,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(link).hasBinaryContent(GIF);
    assertThat(secret).hasContent("do not touch");
  }

  @Test
  void keepsTheServersTimeAndKnowsAFlagAlreadySaved() throws IOException {
    FlagStore store = new FlagStore(dir);
    Instant time = Instant.parse("2015-10-21T07:28:00Z");
    store.save("br.gif", GIF, time);
    assertThat(store.holdsGif("br.gif")).isTrue();
    assertThat(store.lastModified("br.gif")).contains(time);
    Files.write(dir.resolve("jp.gif"), new byte[] {'<', 'h'});
    assertThat(store.holdsGif("jp.gif")).isFalse();
    assertThat(store.holdsGif("cn.gif")).isFalse();
  }

  @Test
  void removesOnlyOldTempFilesOfSaves() throws IOException {
    FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
    Path old = Files.write(dir.resolve(".br.gif.k3x9q2.part"), GIF);
    Path fresh = Files.write(dir.resolve(".cn.gif.a1b2c3.part"), GIF);
    Path flag = Files.write(dir.resolve("br.gif"), GIF);
    Path hidden = Files.write(dir.resolve(".notes.part"), GIF); // not a save's name
    Path secret = Files.writeString(dir.resolve("secret.txt"), "do not touch");
    Path link = Files.createSymbolicLink(dir.resolve(".jp.gif.zz9.part"), secret);
    for (Path path : List.of(old, flag, hidden, secret)) {
      Files.setLastModifiedTime(path, hourAgo);
    }

    assertThat(FlagStore.removeStaleTempFiles(dir, Duration.ofMinutes(10))).isEqualTo(1);

    assertThat(old).doesNotExist();
    assertThat(fresh).exists();
    assertThat(flag).hasBinaryContent(GIF);
    assertThat(hidden).exists();
    assertThat(link).isSymbolicLink(); // not a regular file: left alone
    assertThat(secret).hasContent("do not touch");
  }

  @Test
  void anotherRunSweepingTheFolderNeverRemovesASaveInProgress() throws Exception {
    // A flag's date is often years ago; a save in progress must not look abandoned meanwhile, as
    // when several --shard runs share one folder and each sweeps it as it starts.
    Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
    FlagStore store = new FlagStore(dir);
    AtomicBoolean saving = new AtomicBoolean(true);
    Thread sweeper =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (saving.get()) {
                    FlagStore.removeStaleTempFiles(dir, Duration.ofMinutes(10));
                  }
                });
    try {
      for (int i = 0; i < 500; i++) {
        Path saved = store.save("br.gif", GIF, longAgo);
        assertThat(Files.getLastModifiedTime(saved).toInstant()).isEqualTo(longAgo);
      }
    } finally {
      saving.set(false);
      sweeper.join();
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString())).containsExactly("br.gif");
    }
  }

  @Test
  void aFolderThatCannotBeListedRemovesNothing() {
    assertThat(FlagStore.removeStaleTempFiles(dir.resolve("missing"), Duration.ZERO)).isZero();
  }
}
