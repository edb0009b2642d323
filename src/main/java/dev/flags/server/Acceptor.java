package dev.flags.server;

import dev.flags.tls.ServerTls;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLSocket;

/**
 * The flag server's listening socket, plain or TLS, and its connections: one platform thread
 * accepts, each connection runs on its own virtual thread, its TLS handshake first, and {@link
 * #close} closes them all. What is said on a connection is the {@link Handler}'s.
 */
final class Acceptor implements AutoCloseable {
  private static final int IDLE_TIMEOUT_MS = 30_000;

  /** Talks on one open connection; the acceptor closes it once this returns or throws. */
  @FunctionalInterface
  interface Handler {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket listener;
  private final boolean tls;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final LongAdder connections = new LongAdder();
  private final LongAdder handshakes = new LongAdder();
  private volatile boolean closed;

  private Acceptor(ServerSocket listener, boolean tls) {
    this.listener = listener;
    this.tls = tls;
  }

  /**
   * Listens on {@code bind:port} (port 0: any free port), speaking TLS with {@code tls} (plain if
   * null). Returns once the socket is listening; nothing is accepted before {@link #start}.
   */
  static Acceptor bind(String bind, int port, ServerTls tls) throws IOException {
    ServerSocket listener =
        tls == null
            ? new ServerSocket()
            : tls.context().getServerSocketFactory().createServerSocket();
    try {
      listener.setReuseAddress(true);
      // A deep backlog, so a burst of a thousand connects is queued rather than refused.
      listener.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 4096);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    return new Acceptor(listener, tls != null);
  }

  /** Starts accepting, each connection served by {@code handler} on its own virtual thread. */
  void start(Handler handler) {
    Thread.ofPlatform().name("flag-server-accept").daemon().start(() -> accept(handler));
  }

  InetAddress address() {
    return listener.getInetAddress();
  }

  int port() {
    return listener.getLocalPort();
  }

  boolean tls() {
    return tls;
  }

  /** Whether {@link #close} was called: a connection in the middle of an answer stops. */
  boolean closed() {
    return closed;
  }

  /** How many connections were accepted since it started. */
  long connections() {
    return connections.sum();
  }

  /** How many TLS handshakes completed since it started (0 for plain HTTP). */
  long handshakes() {
    return handshakes.sum();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  private void accept(Handler handler) {
    while (!closed) {
      try {
        Socket socket = listener.accept();
        connections.increment();
        open.add(socket);
        Thread.ofVirtual().name("flag-server-conn").start(() -> connection(socket, handler));
      } catch (IOException e) {
        // A failed accept (e.g. out of descriptors) must not stop the server: only close() does.
      }
    }
  }

  private void connection(Socket socket, Handler handler) {
    try (socket) {
      socket.setSoTimeout(IDLE_TIMEOUT_MS);
      socket.setTcpNoDelay(true);
      if (socket instanceof SSLSocket secure) {
        secure.startHandshake(); // here, so that a completed one is counted; a failed one drops
        handshakes.increment();
      }
      handler.serve(socket);
    } catch (IOException e) {
      // the client went away, an idle timeout or a broken connection: drop it
    } finally {
      open.remove(socket);
    }
  }

  private static void closeQuietly(Closeable socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
