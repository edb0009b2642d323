package dev.flags.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * What a flag server needs to speak HTTPS: its certificate chain and private key, as an {@link
 * SSLContext} for its listening socket.
 *
 * @param chain the certificate first, then any that signed it
 * @param key the certificate's private key
 */
public record ServerTls(List<X509Certificate> chain, PrivateKey key) {
  private static final char[] NO_PASSWORD = new char[0];

  public ServerTls {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a server needs a certificate");
    }
  }

  /** Serves {@code issued}'s certificate. */
  public static ServerTls of(Certificates.Issued issued) {
    return new ServerTls(List.of(issued.certificate()), issued.keyPair().getPrivate());
  }

  /** A new self-signed certificate for localhost, 127.0.0.1 and ::1 ({@code serve --tls}). */
  public static ServerTls generated() {
    return of(Certificates.forLocalhost());
  }

  /**
   * Reads a PEM certificate (chain) and a PEM private key ({@code serve --cert --key}): PKCS#8
   * {@code PRIVATE KEY}, or the older {@code RSA}/{@code EC PRIVATE KEY}; not encrypted.
   *
   * @throws IOException a file missing or unreadable, or not what it should be: its message says
   *     which file and what was wrong, in one line
   */
  public static ServerTls fromPem(Path certificate, Path key) throws IOException {
    List<X509Certificate> chain = Pem.certificates(certificate);
    return new ServerTls(chain, privateKey(key));
  }

  /** The server's certificate in PEM: what a client passes to {@code --cacert}. */
  public String certificatePem() {
    return Certificates.pem(chain.getFirst());
  }

  /** Writes {@link #certificatePem} to {@code file}. */
  public void writeCertificate(Path file) throws IOException {
    Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
  }

  /** Writes the key and certificate chain as a PKCS#12 keystore (e.g. for WireMock). */
  public void writeKeystore(Path file, char[] password) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      keyStore(password).store(out, password);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write a keystore: " + e.getMessage(), e);
    }
  }

  private KeyStore keyStore(char[] password) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
    return store;
  }

  /** A TLS context that presents this certificate (TLS 1.2 and 1.3, the JDK's defaults). */
  public SSLContext context() {
    try {
      KeyStore store = keyStore(NO_PASSWORD);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS with this certificate and key", e);
    }
  }

  private static PrivateKey privateKey(Path file) throws IOException {
    Object read;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      read = parser.readObject();
    } catch (IOException e) {
      throw Pem.unreadable(file, e);
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a PEM private key", e); // BC's parser on garbage
    }
    PrivateKeyInfo info =
        switch (read) {
          case PrivateKeyInfo pkcs8 -> pkcs8;
          case PEMKeyPair pair -> pair.getPrivateKeyInfo(); // may lack the public half
          case null -> null;
          default -> null;
        };
    if (info != null) {
      try {
        return new JcaPEMKeyConverter().getPrivateKey(info);
      } catch (IOException e) {
        throw new IOException(file + ": not a usable private key", e);
      }
    }
    throw new IOException(
        file + ": not a PEM private key (expected -----BEGIN PRIVATE KEY-----, unencrypted)");
  }
}
