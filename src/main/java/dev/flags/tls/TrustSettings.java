package dev.flags.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whom a run's HTTPS connections trust, as curl's options say it: the system's CAs, plus the
 * certificates in {@code --cacert} files; or nobody is checked ({@code -k}). A process pool sends
 * it whole to its workers, which read the same files.
 *
 * @param caFiles PEM files whose certificates are trusted besides the system's, as absolute paths
 * @param insecure skip verification altogether: any certificate, any host name
 */
public record TrustSettings(List<String> caFiles, boolean insecure) {
  /** The system's CAs only: the JDK's trust store, as OkHttp uses by default. */
  public static final TrustSettings SYSTEM = new TrustSettings(List.of(), false);

  /** The environment variables curl reads for a CA file, in the order it reads them. */
  public static final List<String> CA_VARIABLES = List.of("CURL_CA_BUNDLE", "SSL_CERT_FILE");

  public TrustSettings {
    caFiles = caFiles.stream().map(f -> Path.of(f).toAbsolutePath().toString()).toList();
  }

  /**
   * The settings a command line gives: {@code --cacert} files if any, else the first of {@link
   * #CA_VARIABLES} set in {@code env} (as curl: an option beats the environment), and {@code -k}.
   */
  public static TrustSettings of(List<Path> cacerts, boolean insecure, Map<String, String> env) {
    List<String> files = cacerts.stream().map(Path::toString).toList();
    if (files.isEmpty()) {
      files =
          CA_VARIABLES.stream()
              .map(env::get)
              .filter(Objects::nonNull)
              .filter(value -> !value.isBlank())
              .limit(1)
              .toList();
    }
    return new TrustSettings(files, insecure);
  }

  /** The same, also trusting {@code file}'s certificates. */
  public TrustSettings plus(Path file) {
    return new TrustSettings(
        java.util.stream.Stream.concat(
                caFiles.stream(), java.util.stream.Stream.of(file.toString()))
            .toList(),
        insecure);
  }

  /**
   * Reads every CA file, so that a bad one is a usage error before anything is downloaded.
   *
   * @throws IOException one line naming the file and what is wrong with it
   */
  public void check() throws IOException {
    for (String file : caFiles) {
      Pem.certificates(Path.of(file));
    }
  }
}
