package dev.flags.server;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.flags.http.StatusText;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the flag server sends: status, media type, body, and any extra header lines (each ending in
 * CRLF).
 */
@SuppressWarnings("ArrayRecordComponent") // sent as it is, never compared
record Answer(int status, String contentType, byte[] body, String extraHeaders) {
  /** A short text answer whose body is the reason phrase: {@code I'm a teapot}. */
  static Answer text(int status, String extraHeaders) {
    String phrase = StatusText.phrase(status);
    byte[] body = ((phrase.isEmpty() ? "HTTP " + status : phrase) + "\n").getBytes(US_ASCII);
    return new Answer(status, "text/plain", body, extraHeaders);
  }

  void writeHead(OutputStream out, boolean keepAlive) throws IOException {
    writeHead(out, status, contentType, body.length, keepAlive, extraHeaders);
  }

  static void writeHead(
      OutputStream out, int status, String type, long length, boolean keepAlive, String extra)
      throws IOException {
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + StatusText.phrase(status)
            + "\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + length
            + (keepAlive ? "" : "\r\nConnection: close")
            + "\r\n"
            + extra
            + "\r\n";
    out.write(head.getBytes(US_ASCII));
  }
}
