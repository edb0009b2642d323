package dev.flags.work;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * The CPU-bound part of a flag ({@code --work}): SHA-256 of the flag's bytes, then SHA-256 of that
 * digest, again and again, {@code rounds} times. Deterministic (the same bytes and rounds give the
 * same digest in every mode and process) and pure computation: no I/O, no sleep, nothing to wait
 * for, so a thread doing it keeps a core busy until it is done.
 *
 * @param rounds how many times the digest is hashed again after the first hash of the bytes; 0: no
 *     work at all
 */
public record CpuWork(long rounds) {
  /** No work: what a run without {@code --work} (or {@code --work 0}) does. */
  public static final CpuWork NONE = new CpuWork(0);

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
    MessageDigest sha256 = sha256();
    byte[] digest = sha256.digest(bytes);
    long done = 0;
    while (done < rounds) {
      if (done % CHECK_EVERY == 0 && stop.getAsBoolean()) {
        break;
      }
      digest = sha256.digest(digest);
      done++;
    }
    return new Result(done, HexFormat.of().formatHex(digest));
  }

  /** What a computation did: the rounds done (fewer than asked only if stopped) and the digest. */
  public record Result(long rounds, String digest) {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
