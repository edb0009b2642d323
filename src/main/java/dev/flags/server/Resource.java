package dev.flags.server;

/** A body the flag server can send, with its media type. */
public record Resource(byte[] body, String contentType) {
  public static final String GIF = "image/gif";
  public static final String JSON = "application/json";
}
