package dev.flags.server;

import dev.flags.http.StatusText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP/1.1 server for flags, one virtual thread per connection.
 *
 * <p>Why not WireMock or the JDK's {@code HttpServer}: WireMock's cold start (~0.6 s) would
 * dominate a default 20-flag run, and neither gives the byte-level control that fault injection
 * needs (resets, truncated bodies, garbage). A GET-only server of a flat catalog is small enough to
 * own; WireMock stays the reference server in the tests.
 */
public final class FlagServer implements AutoCloseable {
  private static final String PREFIX = "/flags/";
  private static final int MAX_LINE = 8192;
  private static final int MAX_HEADERS = 100;
  private static final int IDLE_TIMEOUT_MS = 30_000;

  private final ServerSocket listener;
  private final FlagCatalog catalog;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  private FlagServer(ServerSocket listener, FlagCatalog catalog) {
    this.listener = listener;
    this.catalog = catalog;
    this.acceptor = Thread.ofPlatform().name("flag-server-accept").daemon().unstarted(this::accept);
  }

  /**
   * Starts serving {@code catalog} under {@code /flags/} on {@code bind:port} (port 0: any free
   * port). Returns once the socket is listening.
   */
  public static FlagServer start(String bind, int port, FlagCatalog catalog) throws IOException {
    ServerSocket listener = new ServerSocket();
    try {
      listener.setReuseAddress(true);
      // A deep backlog, so a burst of a thousand connects is queued rather than refused.
      listener.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 4096);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    FlagServer server = new FlagServer(listener, catalog);
    server.acceptor.start();
    return server;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT/flags}: the base URL clients append {@code /cc/cc.gif} to. */
  public String baseUrl() {
    InetAddress address = listener.getInetAddress();
    String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port() + "/flags";
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread.ofVirtual().name("flag-server-conn").start(() -> serve(socket));
      } catch (IOException e) {
        if (!closed) {
          continue; // a failed accept (e.g. out of descriptors) must not stop the server
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(IDLE_TIMEOUT_MS);
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      boolean keepAlive = true;
      while (keepAlive && !closed) {
        Optional<HttpRequest> request;
        try {
          request = HttpRequest.read(in, MAX_LINE, MAX_HEADERS);
        } catch (HttpRequest.BadRequest e) {
          writeHead(out, 400, "text/plain", 0, false);
          out.flush();
          return;
        }
        if (request.isEmpty()) {
          return; // the client closed the connection between requests
        }
        keepAlive = respond(request.get(), out);
        out.flush();
      }
    } catch (SocketException e) {
      // the client went away; nothing to answer
    } catch (IOException e) {
      // idle timeout or a broken connection: drop it
    } finally {
      open.remove(socket);
    }
  }

  /** Writes the answer to one request; returns whether the connection stays open. */
  private boolean respond(HttpRequest request, OutputStream out) throws IOException {
    boolean keepAlive = request.keepAlive();
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      writeHead(out, 405, "text/plain", 0, keepAlive);
      return keepAlive;
    }
    Optional<Resource> resource = find(request.path());
    if (resource.isEmpty()) {
      byte[] body = "not found\n".getBytes(StandardCharsets.US_ASCII);
      writeHead(out, 404, "text/plain", body.length, keepAlive);
      if (!request.method().equals("HEAD")) {
        out.write(body);
      }
      return keepAlive;
    }
    byte[] body = resource.get().body();
    writeHead(out, 200, resource.get().contentType(), body.length, keepAlive);
    if (!request.method().equals("HEAD")) {
      out.write(body);
    }
    return keepAlive;
  }

  private Optional<Resource> find(String path) {
    int query = path.indexOf('?');
    String clean = query < 0 ? path : path.substring(0, query);
    if (!clean.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return catalog.find(clean.substring(PREFIX.length()));
  }

  static void writeHead(OutputStream out, int status, String type, long length, boolean keepAlive)
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
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** The request line and the headers that matter here. */
  record HttpRequest(String method, String path, boolean keepAlive) {

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
      String[] parts = requestLine.split(" ");
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        throw new BadRequest("bad request line");
      }
      boolean http10 = parts[2].equals("HTTP/1.0");
      String connection = "";
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
        } else if (name.equals("content-length")) {
          try {
            contentLength = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new BadRequest("bad content-length");
          }
        }
      }
      in.skipNBytes(contentLength); // GET carries no body, but a client may send one
      boolean keepAlive =
          http10 ? connection.contains("keep-alive") : !connection.contains("close");
      return Optional.of(new HttpRequest(parts[0], parts[1], keepAlive));
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
}
