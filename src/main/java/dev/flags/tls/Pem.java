package dev.flags.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads PEM certificate files, as curl's {@code --cacert} does: one or more certificates. */
public final class Pem {
  static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

  private Pem() {}

  /**
   * The certificates in {@code file}, in order.
   *
   * @throws IOException missing, unreadable, or not a PEM certificate file; the message is one line
   *     that names the file and says what was wrong
   */
  public static List<X509Certificate> certificates(Path file) throws IOException {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new IOException(file + " is a folder, not a PEM certificate file");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    if (!new String(bytes, StandardCharsets.ISO_8859_1).contains(BEGIN_CERTIFICATE)) {
      throw new IOException(
          file + ": not a PEM certificate file (no " + BEGIN_CERTIFICATE + " line)");
    }
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (var certificate :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) certificate);
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IOException(file + ": not a valid PEM certificate", e);
    }
  }

  static IOException unreadable(Path file, IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> new IOException(file + ": no such file", e);
      case AccessDeniedException denied -> new IOException(file + ": permission denied", e);
      default ->
          e.getMessage() != null && e.getMessage().startsWith(file.toString())
              ? e
              : new IOException(file + ": cannot read it", e);
    };
  }
}
