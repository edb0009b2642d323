package dev.flags.outcome;

import java.util.Locale;

/**
 * Why a flag failed, as a type: the words a user reads ({@link #text}) and whether another attempt
 * may help ({@link #retryable}) both follow from it, so no code ever looks at a message to decide
 * what to do. A new cause is one more record here, with its words, implementing {@link Transient}
 * if a retry may help; worker processes send causes over as JSON, tagged with the record's name.
 */
public sealed interface Cause {

  /** What {@code -v}, the reports and the machine formats say: {@code connection reset}. */
  String text();

  /** Whether the same request may well succeed if tried again (see the user guide's Failures). */
  default boolean retryable() {
    return false;
  }

  /**
   * A failure of the moment (the network, a server's hiccup): another attempt, on a new connection,
   * may well succeed, so it is retried.
   */
  sealed interface Transient extends Cause {
    @Override
    default boolean retryable() {
      return true;
    }
  }

  /** An attempt ran out of {@code --timeout}. */
  record Timeout(double seconds) implements Transient {
    @Override
    public String text() {
      return String.format(Locale.ROOT, "timed out after %.1f s", seconds);
    }
  }

  /** Nobody listens on the port. */
  record Refused() implements Transient {
    @Override
    public String text() {
      return "connection refused";
    }
  }

  /** A connect failed for another reason than a refusal. */
  record CannotConnect() implements Transient {
    @Override
    public String text() {
      return "cannot connect";
    }
  }

  record NoRoute() implements Transient {
    @Override
    public String text() {
      return "no route to host";
    }
  }

  /** The peer reset the connection (or the pipe broke). */
  record Reset() implements Transient {
    @Override
    public String text() {
      return "connection reset";
    }
  }

  /** The connection closed before a response began. */
  record ClosedEarly() implements Transient {
    @Override
    public String text() {
      return "connection closed before the response";
    }
  }

  /**
   * Bytes that are not HTTP where the status line should be: a server or proxy that broke down
   * mid-answer, another protocol on the port, a kept-alive connection out of step. Like a reset,
   * another attempt on a new connection may get a proper answer.
   *
   * @param seen the line received, only when it is short readable ASCII ({@code SSH-2.0-...}),
   *     which says what answered; empty for random bytes
   */
  record NotHttp(String seen) implements Transient {
    @Override
    public String text() {
      return "bad response: not HTTP" + (seen.isEmpty() ? "" : " ('" + seen + "')");
    }
  }

  /** Another violation of HTTP by the server, which it would repeat. */
  record BadResponse(String detail) implements Cause {
    @Override
    public String text() {
      return "bad response: " + detail;
    }
  }

  /** The connection closed before {@code declared} bytes of body had come. */
  record Truncated(long got, long declared) implements Transient {
    @Override
    public String text() {
      return "body truncated (" + got + " of " + declared + " bytes)";
    }
  }

  /**
   * A body without a declared length (chunked) broke off mid-stream: retried as a truncated one.
   */
  record BrokenBody(long got) implements Transient {
    @Override
    public String text() {
      return "broken body (after " + got + " bytes)";
    }
  }

  record LongerThanDeclared(long got, long declared) implements Cause {
    @Override
    public String text() {
      return "body longer than Content-Length (" + got + " of " + declared + " bytes)";
    }
  }

  /**
   * A final status other than 404 (which is {@link Outcome.NotFound}).
   *
   * @param text {@code HTTP 503 Service Unavailable} (see {@code http.StatusText})
   */
  record HttpStatus(int code, String text) implements Cause {
    /** 408, 429 and 5xx: the server may answer differently in a moment; no other status. */
    @Override
    public boolean retryable() {
      return code == 408 || code == 429 || (code >= 500 && code <= 599);
    }
  }

  /** A successful body of the wrong kind: an HTML page served with status 200. */
  record WrongBody(String expected) implements Cause {
    @Override
    public String text() {
      return "not " + expected;
    }
  }

  record TooLarge(long maxBytes) implements Cause {
    @Override
    public String text() {
      return "too large (more than " + maxBytes + " bytes)";
    }
  }

  record TooManyRedirects(int max) implements Cause {
    @Override
    public String text() {
      return "too many redirects (more than " + max + ")";
    }
  }

  /** A redirect we do not follow: https to http, or to an unusable location. */
  record RedirectRefused(String detail) implements Cause {
    @Override
    public String text() {
      return detail;
    }
  }

  record UnknownHost(String host) implements Cause {
    @Override
    public String text() {
      return "unknown host " + host;
    }
  }

  /**
   * The server's certificate was refused: curl's exit 60. Never retried: the same certificate would
   * come again.
   */
  sealed interface CertificateProblem extends Cause {}

  /** No trusted CA signed the certificate: it is self-signed, or its CA is not known here. */
  record Untrusted() implements CertificateProblem {
    @Override
    public String text() {
      return "certificate not trusted (self-signed or unknown CA)";
    }
  }

  /** The certificate is valid, but for other host names than the one asked for. */
  record HostMismatch(String host) implements CertificateProblem {
    @Override
    public String text() {
      return "certificate does not match the host name " + host;
    }
  }

  /** The certificate's validity is over (or, with {@code notYetValid}, has not begun). */
  record CertificateExpired(boolean notYetValid) implements CertificateProblem {
    @Override
    public String text() {
      return notYetValid ? "certificate not yet valid" : "certificate expired";
    }
  }

  /**
   * The TLS handshake failed for another reason than the certificate: no common protocol or cipher,
   * a server that does not speak TLS on that port, an alert from the server.
   *
   * @param detail what went wrong, in words (never a Java class name)
   */
  record Tls(String detail) implements Cause {
    @Override
    public String text() {
      return "TLS handshake failed" + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  /** The run's {@code --deadline} passed before the flag finished. */
  record Deadline() implements Cause {
    @Override
    public String text() {
      return "deadline";
    }
  }

  /** Ctrl-C or SIGTERM stopped the run before the flag finished. */
  record Interrupted() implements Cause {
    @Override
    public String text() {
      return "interrupted";
    }
  }

  /** The call was cancelled by someone else than the run (a strategy tearing down). */
  record Cancelled() implements Cause {
    @Override
    public String text() {
      return "cancelled";
    }
  }

  /**
   * A process-pool worker died or misbehaved on the flag.
   *
   * @param text what happened: {@code worker died twice downloading it (last: exit code 137)}
   */
  record WorkerDied(String text) implements Cause {}

  /** The flag's bytes could not be saved: {@code Brazil.gif is a symbolic link: left as it is}. */
  record NotSaved(String detail) implements Cause {
    @Override
    public String text() {
      return detail;
    }
  }

  /** A bug, or a JDK surprise: an exception nobody expected escaped the flag's work. */
  record Internal(String exception) implements Cause {
    @Override
    public String text() {
      return "internal error: " + exception;
    }
  }

  /**
   * A failure read back from a JSON report ({@code flags report merge}): known by its words only.
   */
  record Reported(String text) implements Cause {}

  /** An I/O failure of no known kind, in the exception's own words; not retried. */
  record Other(String detail) implements Cause {
    @Override
    public String text() {
      return detail;
    }
  }
}
