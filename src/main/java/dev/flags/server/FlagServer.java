package dev.flags.server;

import dev.flags.http.HttpDates;
import dev.flags.tls.ServerTls;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * A small HTTP/1.1 server for flags, one virtual thread per connection.
 *
 * <p>Why not WireMock or the JDK's {@code HttpServer}: WireMock's cold start would dominate a
 * default 20-flag run, and neither gives the byte-level control that fault injection needs (resets,
 * truncated bodies, garbage). A GET-only server of a flat catalog is small enough to own; WireMock
 * stays the reference server in the tests.
 *
 * <p>A {@link Chaos} makes it misbehave on purpose: delays (a sleeping virtual thread holds up only
 * its own connection), error statuses and faults down to the byte level.
 */
public final class FlagServer implements AutoCloseable {
  private static final String PREFIX = "/flags/";
  private static final int MAX_LINE = 8192;
  private static final int MAX_HEADERS = 100;
  private static final int RETRY_AFTER_SECONDS = 1;
  private static final int SLOW_BODY_PIECES = 10;

  private final Acceptor acceptor;
  private final FlagCatalog catalog;
  private final Chaos chaos;
  private final Consumer<RequestLog> log;
  private final PathCounters counters = new PathCounters();

  private FlagServer(
      Acceptor acceptor, FlagCatalog catalog, Chaos chaos, Consumer<RequestLog> log) {
    this.acceptor = acceptor;
    this.catalog = catalog;
    this.chaos = chaos;
    this.log = log;
  }

  /**
   * Starts serving {@code catalog} under {@code /flags/} on {@code bind:port} (port 0: any free
   * port). Returns once the socket is listening.
   */
  public static FlagServer start(String bind, int port, FlagCatalog catalog) throws IOException {
    return start(bind, port, catalog, Chaos.NONE, RequestLog.IGNORE);
  }

  /**
   * Like {@link #start(String, int, FlagCatalog)}, misbehaving as {@code chaos} says, and telling
   * {@code log} about every request it answers (on the connection's thread: keep it quick).
   */
  public static FlagServer start(
      String bind, int port, FlagCatalog catalog, Chaos chaos, Consumer<RequestLog> log)
      throws IOException {
    return start(bind, port, catalog, chaos, log, null);
  }

  /**
   * Like {@link #start(String, int, FlagCatalog, Chaos, Consumer)}, speaking HTTPS with {@code tls}
   * (plain HTTP if null). The handshake happens on the connection's own virtual thread ({@link
   * Acceptor}).
   */
  public static FlagServer start(
      String bind,
      int port,
      FlagCatalog catalog,
      Chaos chaos,
      Consumer<RequestLog> log,
      ServerTls tls)
      throws IOException {
    FlagServer server = new FlagServer(Acceptor.bind(bind, port, tls), catalog, chaos, log);
    server.acceptor.start(server::serve);
    return server;
  }

  public int port() {
    return acceptor.port();
  }

  /** How many connections the server has accepted since it started. */
  public long connections() {
    return acceptor.connections();
  }

  /** How many TLS handshakes have completed since it started (0 for plain HTTP). */
  public long handshakes() {
    return acceptor.handshakes();
  }

  /**
   * {@code http://127.0.0.1:PORT/flags} ({@code https://} with TLS): the base URL clients append
   * {@code /cc/cc.gif} to. An IPv6 address in its short form, {@code http://[::1]:18500/flags}
   * (OkHttp's URL canonicalises it), and without a zone ({@code %eth0}), which no URL can carry.
   */
  public String baseUrl() {
    InetAddress address = acceptor.address();
    String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    return new HttpUrl.Builder()
        .scheme(acceptor.tls() ? "https" : "http")
        .host(host.replaceFirst("%.*", ""))
        .port(port())
        .addPathSegment("flags")
        .build()
        .toString();
  }

  @Override
  public void close() {
    acceptor.close();
  }

  /** Answers a connection's requests, one after another, until either side closes it. */
  private void serve(Socket socket) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream());
    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    boolean keepAlive = true;
    while (keepAlive && !acceptor.closed()) {
      Optional<HttpRequest> request;
      try {
        request = HttpRequest.read(in, MAX_LINE, MAX_HEADERS);
      } catch (HttpRequest.BadRequest e) {
        Answer.writeHead(out, 400, "text/plain", 0, false, "");
        out.flush();
        return;
      }
      if (request.isEmpty()) {
        return; // the client closed the connection between requests
      }
      keepAlive = respond(request.get(), socket, in, out);
      out.flush();
    }
  }

  /**
   * Answers one request, with the delay, error or fault the chaos picks for it; returns whether the
   * connection stays open.
   */
  private boolean respond(HttpRequest request, Socket socket, InputStream in, OutputStream out)
      throws IOException {
    Instant received = Instant.now();
    String path = withoutQuery(request.path());
    Chaos.Decision decision =
        chaos.isNone() ? Chaos.Decision.NORMAL : chaos.decide(path, counters.next(path));
    if (!pause(decision.delayMs()) || acceptor.closed()) {
      return false;
    }
    Answer answer = answer(request, path, decision);
    Optional<Fault> fault = decision.fault();
    log.accept(
        new RequestLog(
            received,
            request.method(),
            request.path(),
            fault.map(Fault::label).orElse(String.valueOf(answer.status())),
            decision.delayMs()));
    boolean body = !request.method().equals("HEAD");
    boolean keepAlive = request.keepAlive();
    if (fault.isEmpty() || fault.get().status() != 0) { // a status fault is a plain answer
      answer.writeHead(out, keepAlive);
      if (body) {
        out.write(answer.body());
      }
      return keepAlive;
    }
    return switch (fault.get()) {
      case RESET -> {
        socket.setSoLinger(true, 0); // close with a RST instead of a FIN
        socket.close();
        yield false;
      }
      case GARBAGE -> {
        out.write(garbage(decision.salt()));
        yield false;
      }
      case TRUNCATED -> {
        answer.writeHead(out, keepAlive);
        if (body) {
          out.write(answer.body(), 0, answer.body().length / 2);
        }
        yield false;
      }
      case SLOW_BODY -> {
        answer.writeHead(out, keepAlive);
        yield (!body || dribble(out, answer.body())) && keepAlive;
      }
      case STALL -> {
        // Silence until the client gives up and closes (or the idle timeout fires): whatever it
        // sends meanwhile is read and dropped.
        while (!acceptor.closed() && in.read() != -1) {
          // waiting
        }
        yield false;
      }
      default -> false; // EMPTY: close without a word
    };
  }

  /** The status, headers and body this request gets, before any fault breaks the connection. */
  private Answer answer(HttpRequest request, String path, Chaos.Decision decision) {
    String method = request.method();
    if (decision.error()) {
      return Answer.text(chaos.errorStatus(), "");
    }
    Optional<Fault> fault = decision.fault();
    if (fault.isPresent() && fault.get().status() != 0) {
      return Answer.text(fault.get().status(), "Retry-After: " + RETRY_AFTER_SECONDS + "\r\n");
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return new Answer(405, "text/plain", new byte[0], "");
    }
    Optional<Resource> resource =
        path.startsWith(PREFIX) ? catalog.find(path.substring(PREFIX.length())) : Optional.empty();
    if (resource.isEmpty()) {
      return Answer.text(404, "");
    }
    Instant modified = resource.get().lastModified();
    String lastModified = "Last-Modified: " + HttpDates.format(modified) + "\r\n";
    Instant since = HttpDates.parse(request.ifModifiedSince());
    if (since != null && !modified.isAfter(since)) {
      return new Answer(304, resource.get().contentType(), new byte[0], lastModified);
    }
    return new Answer(200, resource.get().contentType(), resource.get().body(), lastModified);
  }

  /** Sleeps this connection's virtual thread; false if interrupted. */
  private static boolean pause(long millis) {
    if (millis <= 0) {
      return true;
    }
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends the body in pieces spread over {@code chaos.slowBody()}; false if interrupted. */
  private boolean dribble(OutputStream out, byte[] body) throws IOException {
    int pieces = Math.max(1, Math.min(SLOW_BODY_PIECES, body.length));
    long pauseMs = chaos.slowBody().toMillis() / pieces;
    for (int i = 0; i < pieces; i++) {
      out.flush();
      if (!pause(pauseMs) || acceptor.closed()) {
        return false;
      }
      int from = (int) ((long) body.length * i / pieces);
      int to = (int) ((long) body.length * (i + 1) / pieces);
      out.write(body, from, to - from);
    }
    return true;
  }

  /** 16 to 512 random bytes, the first with its high bit set so it can never read as "HTTP/". */
  private static byte[] garbage(long salt) {
    SplittableRandom random = new SplittableRandom(salt);
    byte[] bytes = new byte[random.nextInt(16, 513)];
    random.nextBytes(bytes);
    bytes[0] |= (byte) 0x80;
    return bytes;
  }

  private static String withoutQuery(String target) {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }
}
