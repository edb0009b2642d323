package dev.flags.work;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32C;

/**
 * The CPU-bound part of a flag ({@code --work}): a block of {@value #BLOCK} bytes made of the
 * flag's bytes, checksummed with CRC-32C {@code rounds} times, each round's checksum written back
 * into the block so that every round depends on the one before; the digest is the CRC-32C of each
 * eighth of the block at the end (32 bytes, 64 hex digits). Deterministic (the same bytes and
 * rounds give the same digest in every mode and process) and pure computation: no I/O, no sleep,
 * nothing to wait for, so a thread doing it keeps a core busy until it is done.
 *
 * <p>Why CRC-32C: the JVM computes it with the CPU's CRC instruction from the first call on, in the
 * interpreter as in compiled code (an intrinsic of the interpreter, C1 and C2 alike), so a JVM that
 * has just started computes a round as fast as one that has run for minutes. A worker process
 * therefore needs no warm-up to compute at its parent's speed, as a new CPython process needs none.
 * Ordinary Java code, SHA-256 in a loop for one, runs many times slower in a new JVM until its JIT
 * has compiled it (see docs/modes.md): a price of its own that would hide the one the lesson is
 * about, the start of a process.
 *
 * @param rounds how many times the block is checksummed; 0: no work at all
 */
public record CpuWork(long rounds) {
  /** No work: what a run without {@code --work} (or {@code --work 0}) does. */
  public static final CpuWork NONE = new CpuWork(0);

  /**
   * The block's size: small enough for a core's own cache, so that two threads computing at once do
   * not share a memory bottleneck, and large enough that the round's bookkeeping, which the
   * interpreter runs slower than compiled code, is nothing beside the checksum (docs/modes.md).
   */
  static final int BLOCK = 64 * 1024;

  /** The digest's parts: eight checksums of 4 bytes. */
  private static final int DIGEST_PARTS = 8;

  /** How often a long computation looks at its stop condition. */
  private static final int CHECK_EVERY = 1024;

  public CpuWork {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be at least 0, not " + rounds);
    }
  }

  /** Work of {@code rounds} rounds. */
  public static CpuWork ofRounds(long rounds) {
    return new CpuWork(rounds);
  }

  /** Whether there is any work to do. */
  public boolean any() {
    return rounds > 0;
  }

  /** The digest after all the rounds, in lower-case hex (64 characters). */
  public String digest(byte[] bytes) {
    return apply(bytes, () -> false).digest();
  }

  /**
   * Does the work, checking {@code stop} every {@value #CHECK_EVERY} rounds (a cancelled run does
   * not finish a long computation); the result says how many rounds were done.
   */
  public Result apply(byte[] bytes, BooleanSupplier stop) {
    byte[] block = block(bytes);
    CRC32C crc = new CRC32C();
    long done = 0;
    while (done < rounds) {
      if (done % CHECK_EVERY == 0 && stop.getAsBoolean()) {
        break;
      }
      crc.reset();
      crc.update(block, 0, BLOCK);
      // Into the next word each round, so that no round can be skipped or repeated; byte by
      // byte, little-endian: a ByteBuffer would double a round's time until the JIT compiles it.
      int checksum = (int) crc.getValue();
      int at = (int) (done % (BLOCK / Integer.BYTES)) * Integer.BYTES;
      for (int b = 0; b < Integer.BYTES; b++) {
        block[at + b] = (byte) (checksum >>> (Byte.SIZE * b));
      }
      done++;
    }
    return new Result(done, digestOf(block, crc));
  }

  /** What a computation did: the rounds done (fewer than asked only if stopped) and the digest. */
  public record Result(long rounds, String digest) {}

  /** The flag's bytes repeated to fill the block (zeros for no bytes). */
  private static byte[] block(byte[] bytes) {
    byte[] block = new byte[BLOCK];
    int filled = Math.min(bytes.length, BLOCK);
    System.arraycopy(bytes, 0, block, 0, filled);
    // Doubling what is filled: a dozen copies, where one per repetition of a short input would
    // cost a calibration batch more than its rounds until the JIT compiles the loop.
    while (filled > 0 && filled < BLOCK) {
      int more = Math.min(filled, BLOCK - filled);
      System.arraycopy(block, 0, block, filled, more);
      filled += more;
    }
    return block;
  }

  /** The CRC-32C of each eighth of the block, in hex: like the rounds, as fast in a new JVM. */
  private static String digestOf(byte[] block, CRC32C crc) {
    ByteBuffer digest = ByteBuffer.allocate(DIGEST_PARTS * Integer.BYTES);
    int part = BLOCK / DIGEST_PARTS;
    for (int at = 0; at < BLOCK; at += part) {
      crc.reset();
      crc.update(block, at, part);
      digest.putInt((int) crc.getValue());
    }
    return HexFormat.of().formatHex(digest.array());
  }
}
