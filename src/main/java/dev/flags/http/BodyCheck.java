package dev.flags.http;

import java.util.function.Predicate;

/**
 * What a successful body must look like, attached to a request as its tag: a body it rejects is a
 * permanent failure {@code not WHAT} ({@code not a GIF}).
 *
 * @param what the expected kind, with its article: {@code a GIF}
 * @param accepts tells a good body (all its bytes) from a bad one
 */
public record BodyCheck(String what, Predicate<byte[]> accepts) {
  /** Any body is fine. */
  public static final BodyCheck ANY = new BodyCheck("anything", body -> true);
}
