package dev.flags.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class CpuWorkTest {
  private static final byte[] FLAG = "GIF89a a flag's bytes".getBytes(StandardCharsets.US_ASCII);

  @Test
  void eachRoundChecksumsTheBlockOfTheBytesAndWritesTheChecksumBackIntoIt() {
    byte[] block = new byte[CpuWork.BLOCK];
    for (int at = 0; at < block.length; at++) {
      block[at] = FLAG[at % FLAG.length];
    }
    for (int round = 0; round < 3; round++) {
      CRC32C crc = new CRC32C();
      crc.update(block);
      int checksum = (int) crc.getValue();
      for (int b = 0; b < Integer.BYTES; b++) { // little-endian, into word number `round`
        block[round * Integer.BYTES + b] = (byte) (checksum >>> (8 * b));
      }
    }
    StringBuilder expected = new StringBuilder();
    int eighth = CpuWork.BLOCK / 8;
    for (int at = 0; at < block.length; at += eighth) {
      CRC32C crc = new CRC32C();
      crc.update(block, at, eighth);
      expected.append(HexFormat.of().toHexDigits((int) crc.getValue()));
    }

    assertThat(CpuWork.ofRounds(3).digest(FLAG)).isEqualTo(expected.toString());
  }

  @Test
  void theSameBytesAndRoundsGiveTheSameDigestOnAnyThread() throws Exception {
    CpuWork work = CpuWork.ofRounds(5_000);
    String here = work.digest(FLAG);
    String elsewhere = CompletableFuture.supplyAsync(() -> work.digest(FLAG)).get();
    String onVirtual =
        CompletableFuture.supplyAsync(() -> work.digest(FLAG), r -> Thread.ofVirtual().start(r))
            .get();

    assertThat(here).hasSize(64).isEqualTo(elsewhere).isEqualTo(onVirtual);
  }

  @Test
  void otherRoundsOrOtherBytesGiveAnotherDigest() {
    String digest = CpuWork.ofRounds(100).digest(FLAG);

    assertThat(CpuWork.ofRounds(101).digest(FLAG)).isNotEqualTo(digest);
    assertThat(CpuWork.ofRounds(100).digest("GIF89a another".getBytes(StandardCharsets.US_ASCII)))
        .isNotEqualTo(digest);
  }

  @Test
  void everyRoundAskedForIsDone() {
    CpuWork.Result result = CpuWork.ofRounds(10_000).apply(FLAG, () -> false);

    assertThat(result.rounds()).isEqualTo(10_000);
    assertThat(result.digest()).isEqualTo(CpuWork.ofRounds(10_000).digest(FLAG));
  }

  @Test
  void aStopCutsTheWorkShortAndSaysHowFarItGot() {
    AtomicInteger checks = new AtomicInteger();
    CpuWork.Result result =
        CpuWork.ofRounds(1_000_000).apply(FLAG, () -> checks.incrementAndGet() > 3);

    assertThat(result.rounds()).isEqualTo(3 * 1024);
    assertThat(result.digest()).isEqualTo(CpuWork.ofRounds(3 * 1024).digest(FLAG));
  }

  @Test
  void noWorkIsNone() {
    assertThat(CpuWork.NONE.any()).isFalse();
    assertThat(CpuWork.ofRounds(1).any()).isTrue();
    assertThatThrownBy(() -> CpuWork.ofRounds(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
