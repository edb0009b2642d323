package dev.flags.cli;

import dev.flags.tls.ServerTls;
import dev.flags.tls.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --server-tls}: the embedded server's certificate, trusted by the run that started it. It
 * goes to a file, deleted at exit, so that worker processes read it as they read {@code --cacert}.
 */
final class EmbeddedTls {
  private EmbeddedTls() {}

  /** Whether the run's requests start on https: a TLS embedded server, or an https URL. */
  static boolean https(ServerChoice server, ServerTls embedded) {
    return embedded != null
        || (server.baseUrl() != null && server.baseUrl().regionMatches(true, 0, "https:", 0, 6));
  }

  /** {@code trust}, also trusting {@code embedded}'s certificate (if any). */
  static TrustSettings trusting(ServerTls embedded, TrustSettings trust) {
    if (embedded == null) {
      return trust;
    }
    try {
      Path file = Files.createTempFile("flags-embedded-", ".pem");
      file.toFile().deleteOnExit();
      embedded.writeCertificate(file);
      return trust.plus(file);
    } catch (IOException e) {
      throw new FlagsException(
          ExitCodes.ERRORS, "cannot write the embedded server's certificate: " + IoWords.of(e), e);
    }
  }
}
