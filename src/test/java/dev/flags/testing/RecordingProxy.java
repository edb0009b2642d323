package dev.flags.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A small HTTP proxy on loopback for tests: it accepts the absolute-URI GETs a client sends to a
 * proxy ({@code GET http://127.0.0.1:41231/flags/br/br.gif HTTP/1.1}), records each URI, and
 * forwards it to its server, answering with that server's status, body and Last-Modified. Keeps
 * connections alive, as a client expects of a proxy. Plain http only: no CONNECT. Started {@link
 * #requiring} a user and password, it answers 407 to any request without them in its {@code
 * Proxy-Authorization} header, as an authenticating corporate proxy does.
 */
public final class RecordingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final Queue<String> requests = new ConcurrentLinkedQueue<>();
  private static final String REFUSAL =
      """
      HTTP/1.1 407 Proxy Authentication Required\r
      Proxy-Authenticate: Basic realm="flags"\r
      Content-Length: 0\r
      \r
      """;

  private final AtomicInteger refused = new AtomicInteger();
  private final OkHttpClient upstream = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).build();
  private final String credentials;

  private RecordingProxy(ServerSocket listener, String credentials) {
    this.listener = listener;
    this.credentials = credentials;
    Thread.ofVirtual().name("proxy-accept").start(this::accept);
  }

  public static RecordingProxy start() throws IOException {
    return new RecordingProxy(new ServerSocket(0, 512, InetAddress.getLoopbackAddress()), null);
  }

  /** A proxy that serves only requests with {@code Proxy-Authorization: Basic user:password}. */
  public static RecordingProxy requiring(String user, String password) throws IOException {
    return new RecordingProxy(
        new ServerSocket(0, 512, InetAddress.getLoopbackAddress()),
        Credentials.basic(user, password, StandardCharsets.UTF_8));
  }

  /** How many requests were answered 407 (no or wrong credentials). */
  public int refused() {
    return refused.get();
  }

  /** {@code http://127.0.0.1:PORT}, as {@code http_proxy} names it. */
  public String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** The absolute URIs requested through this proxy so far. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        Thread.ofVirtual().name("proxy-conn").start(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
      String head;
      while ((head = readHead(in)) != null) {
        String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ", -1);
        if (!requestLine[0].equals("GET") || !requestLine[1].startsWith("http://")) {
          out.write("HTTP/1.1 405 Not a proxy GET\r\nContent-Length: 0\r\n\r\n".getBytes(US_ASCII));
          out.flush();
          continue;
        }
        if (credentials != null
            && !head.contains("\r\nProxy-Authorization: " + credentials + "\r\n")) {
          refused.incrementAndGet();
          out.write(REFUSAL.getBytes(US_ASCII));
          out.flush();
          continue;
        }
        requests.add(requestLine[1]);
        forward(requestLine[1], out);
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void forward(String uri, OutputStream out) throws IOException {
    try (Response response = upstream.newCall(new Request.Builder().url(uri).build()).execute()) {
      byte[] body = response.body().bytes();
      String lastModified = response.header("Last-Modified");
      String head =
          "HTTP/1.1 "
              + response.code()
              + " "
              + (response.message().isEmpty() ? "-" : response.message())
              + "\r\nContent-Length: "
              + body.length
              + (lastModified == null ? "" : "\r\nLast-Modified: " + lastModified)
              + "\r\n\r\n";
      out.write(head.getBytes(US_ASCII));
      out.write(body);
      out.flush();
    }
  }

  /** A request's head up to its blank line; null at the end of the connection. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
