package dev.flags.http;

import dev.flags.outcome.Cause;
import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;

/**
 * Names a TLS failure in plain words, by the types the JDK and OkHttp throw, never the JDK's
 * message: that says {@code PKIX path building failed:
 * sun.security.provider.certpath.SunCertPathBuilderException: ...}, which tells a user nothing.
 */
final class TlsFailures {
  private TlsFailures() {}

  static Cause cause(IOException e, Call call) {
    if (e instanceof SSLPeerUnverifiedException) {
      // OkHttp checks the host name after the handshake, and throws this when it does not match.
      return new Cause.HostMismatch(call == null ? "asked for" : call.request().url().host());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException) {
        return new Cause.CertificateExpired(false);
      }
      if (t instanceof CertificateNotYetValidException) {
        return new Cause.CertificateExpired(true);
      }
      if (t instanceof CertPathValidatorException invalid) {
        if (invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
          return new Cause.CertificateExpired(false);
        }
        if (invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
          return new Cause.CertificateExpired(true);
        }
        if (invalid.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
          return new Cause.Untrusted();
        }
      }
      if (t instanceof CertPathBuilderException) {
        return new Cause.Untrusted(); // no path from the certificate to a trusted CA
      }
    }
    return new Cause.Tls(words(e.getMessage()));
  }

  /**
   * The JDK's words for a handshake failure, without the class names it may quote: {@code Received
   * fatal alert: handshake_failure}; {@code Unsupported or unrecognized SSL message} (a server that
   * does not speak TLS) says so plainly.
   */
  static String words(String message) {
    if (message == null) {
      return "";
    }
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
      return "the server does not speak TLS on this port (plain HTTP?)";
    }
    String cut = message.replaceFirst("\\s*[(]?\\b(sun|java|javax|jdk|okhttp3)\\.[\\w.$]+.*$", "");
    return Failures.printable(cut.replaceFirst("^\\([a-z_]+\\)\\s*", "").strip());
  }
}
