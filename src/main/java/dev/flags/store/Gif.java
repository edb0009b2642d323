package dev.flags.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What makes bytes a GIF: the signature {@code GIF87a} or {@code GIF89a} at the start. */
public final class Gif {
  private static final byte[] GIF87A = "GIF87a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GIF89A = "GIF89a".getBytes(StandardCharsets.US_ASCII);

  /** The length of the signature. */
  public static final int SIGNATURE_LENGTH = 6;

  private Gif() {}

  /** Whether {@code bytes} start with a GIF signature. */
  public static boolean hasSignature(byte[] bytes) {
    if (bytes.length < SIGNATURE_LENGTH) {
      return false;
    }
    byte[] head = Arrays.copyOf(bytes, SIGNATURE_LENGTH);
    return Arrays.equals(head, GIF87A) || Arrays.equals(head, GIF89A);
  }
}
