package dev.flags.server;

import java.time.Instant;

/**
 * A body the flag server can send, with its media type and the time it last changed (whole seconds;
 * sent as Last-Modified, compared with a request's If-Modified-Since).
 */
@SuppressWarnings("ArrayRecordComponent") // served as it is, never compared
public record Resource(byte[] body, String contentType, Instant lastModified) {
  public static final String GIF = "image/gif";
  public static final String JSON = "application/json";
}
