package dev.flags.http;

import dev.flags.outcome.Connections;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;

/**
 * Counts, from OkHttp's own events, the connections a client opened and the TLS handshakes it made,
 * and notes the protocol and TLS version they spoke: what a handshake per connection costs a mode
 * is measured, not guessed. One listener for the whole client (its events come from every thread).
 */
public final class ConnectionEvents extends EventListener {
  private final LongAdder opened = new LongAdder();
  private final LongAdder handshakes = new LongAdder();
  private final AtomicReference<String> protocol = new AtomicReference<>();
  private final AtomicReference<String> tlsVersion = new AtomicReference<>();

  @Override
  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    opened.increment();
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    handshakes.increment();
    if (handshake != null) {
      tlsVersion.compareAndSet(null, handshake.tlsVersion().javaName());
    }
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    protocol.compareAndSet(null, connection.protocol().toString());
    Handshake handshake = connection.handshake();
    if (handshake != null) {
      tlsVersion.compareAndSet(null, handshake.tlsVersion().javaName());
    }
  }

  public Connections summary() {
    return new Connections(opened.sum(), handshakes.sum(), protocol.get(), tlsVersion.get());
  }
}
