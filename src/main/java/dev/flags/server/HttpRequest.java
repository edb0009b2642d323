package dev.flags.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/** A request to {@link FlagServer}: its request line and the headers that matter there. */
record HttpRequest(String method, String path, boolean keepAlive, String ifModifiedSince) {

  /** A request the server cannot parse. */
  static final class BadRequest extends IOException {
    BadRequest(String message) {
      super(message);
    }
  }

  /** Reads one request head; empty if the client closed the connection before sending one. */
  static Optional<HttpRequest> read(InputStream in, int maxLine, int maxHeaders)
      throws IOException {
    String requestLine = readLine(in, maxLine);
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = readLine(in, maxLine); // tolerate stray CRLFs between requests
    }
    if (requestLine == null) {
      return Optional.empty();
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new BadRequest("bad request line");
    }
    boolean http10 = parts[2].equals("HTTP/1.0");
    String connection = "";
    String ifModifiedSince = null;
    long contentLength = 0;
    for (int i = 0; ; i++) {
      String line = readLine(in, maxLine);
      if (line == null) {
        throw new BadRequest("headers cut short");
      }
      if (line.isEmpty()) {
        break;
      }
      if (i >= maxHeaders) {
        throw new BadRequest("too many headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest("bad header");
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("connection")) {
        connection = value.toLowerCase(Locale.ROOT);
      } else if (name.equals("if-modified-since")) {
        ifModifiedSince = value;
      } else if (name.equals("content-length")) {
        try {
          contentLength = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new BadRequest("bad content-length");
        }
      }
    }
    in.skipNBytes(contentLength); // GET carries no body, but a client may send one
    boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
    return Optional.of(new HttpRequest(parts[0], parts[1], keepAlive, ifModifiedSince));
  }

  private static String readLine(InputStream in, int maxLine) throws IOException {
    StringBuilder line = new StringBuilder(64);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= maxLine) {
        throw new BadRequest("line too long");
      }
      line.append((char) b);
    }
    if (line.length() > 0) {
      throw new BadRequest("connection closed mid-line");
    }
    return null;
  }
}
