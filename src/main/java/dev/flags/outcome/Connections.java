package dev.flags.outcome;

import java.util.Locale;

/**
 * What a run's connections were, as the HTTP client's events counted them.
 *
 * @param opened connections opened (connects started)
 * @param handshakes TLS handshakes completed
 * @param protocol what the first connection used spoke ({@code http/1.1}, {@code h2}); null if no
 *     connection was used (or the downloads ran in worker processes, whose clients are their own)
 * @param tlsVersion the first handshake's TLS version ({@code TLSv1.3}); null without TLS
 */
public record Connections(long opened, long handshakes, String protocol, String tlsVersion) {
  /** Nothing observed. */
  public static final Connections NONE = new Connections(0, 0, null, null);

  /** {@code HTTP/1.1 over TLSv1.3}, or {@code HTTP/1.1}; empty if no connection was seen. */
  public String describe() {
    if (protocol == null) {
      return "";
    }
    String shown = protocol.startsWith("http/") ? protocol.toUpperCase(Locale.ROOT) : protocol;
    return tlsVersion == null ? shown : shown + " over " + tlsVersion;
  }
}
