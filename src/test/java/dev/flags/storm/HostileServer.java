package dev.flags.storm;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A server that answers each request with whatever raw bytes a test wants, one request per
 * connection, and counts what it managed to send: for answers no well-behaved server (WireMock
 * included) would give, such as a 5 GB body, a body dripped a byte at a time, or a redirect loop.
 */
final class HostileServer implements AutoCloseable {

  /** Writes the whole answer to {@code path} (status line, headers, body) on {@code out}. */
  interface Handler {
    void answer(String path, OutputStream out) throws Exception;
  }

  private final ServerSocket listener;
  private final Handler handler;
  private final AtomicLong sent = new AtomicLong();
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private HostileServer(ServerSocket listener, Handler handler) {
    this.listener = listener;
    this.handler = handler;
    Thread.ofVirtual().name("hostile-accept").start(this::accept);
  }

  static HostileServer start(Handler handler) throws IOException {
    return new HostileServer(new ServerSocket(0, 512, InetAddress.getLoopbackAddress()), handler);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/flags";
  }

  /** Bytes written to the sockets so far (the kernel took them: sent, or in its buffers). */
  long bytesSent() {
    return sent.get();
  }

  /** Requests received for this path, e.g. {@code /flags/br/br.gif}. */
  long requests(String path) {
    LongAdder count = requests.get(path);
    return count == null ? 0 : count.sum();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread.ofVirtual().name("hostile-conn").start(() -> serve(socket));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
      String requestLine = in.readLine();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // the headers do not matter here
      }
      if (requestLine == null) {
        return;
      }
      String path = requestLine.split(" ", -1)[1];
      requests.computeIfAbsent(path, p -> new LongAdder()).increment();
      OutputStream counted =
          new FilterOutputStream(socket.getOutputStream()) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
              out.write(bytes, offset, length);
              sent.addAndGet(length);
            }
          };
      handler.answer(path, counted);
      counted.flush();
    } catch (Exception e) {
      // the client went away, as hostile answers make it do
    } finally {
      open.remove(socket);
    }
  }

  /** A status line and headers, ending the head; every answer closes its connection. */
  static byte[] head(int status, String... headers) {
    StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Whatever\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    return head.append("Connection: close\r\n\r\n").toString().getBytes(US_ASCII);
  }

  /** A complete answer with this body and its true Content-Length. */
  static void answer(OutputStream out, int status, String type, byte[] body) throws IOException {
    out.write(head(status, "Content-Type: " + type, "Content-Length: " + body.length));
    out.write(body);
  }
}
