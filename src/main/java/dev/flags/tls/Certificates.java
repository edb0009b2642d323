package dev.flags.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * X.509 certificates made with Bouncy Castle's PKIX API rather than the JDK's internal {@code
 * sun.security.x509}: the one {@code flags serve --tls} makes at start-up, and, in tests, expired
 * ones, ones for another host and ones signed by a CA.
 */
public final class Certificates {
  /** How long {@code serve --tls}'s certificate is valid: long enough for any test session. */
  public static final Duration SERVE_VALIDITY = Duration.ofDays(30);

  private Certificates() {}

  /**
   * A certificate and its private key.
   *
   * @param certificate the certificate a server presents
   * @param keyPair its key pair
   */
  public record Issued(X509Certificate certificate, KeyPair keyPair) {
    /** The certificate in PEM, as {@code --cacert} and curl read it. */
    public String pem() {
      return Certificates.pem(certificate);
    }
  }

  /**
   * What a certificate says: its subject's common name, the names it is valid for (host names, or
   * IP addresses such as {@code 127.0.0.1}), when it is valid, and whether it may sign others.
   */
  public record Subject(
      String commonName, List<String> names, Instant notBefore, Instant notAfter, boolean ca) {
    public Subject {
      names = List.copyOf(names);
    }

    /** Valid from an hour ago (clocks differ a little) for {@code validity}. */
    public static Subject valid(
        String commonName, List<String> names, Duration validity, boolean ca) {
      Instant now = Instant.now();
      return new Subject(commonName, names, now.minus(Duration.ofHours(1)), now.plus(validity), ca);
    }
  }

  /**
   * The certificate {@code flags serve --tls} presents: self-signed, for localhost and loopback.
   */
  public static Issued forLocalhost() {
    return selfSigned(
        Subject.valid(
            "flags serve", List.of("localhost", "127.0.0.1", "::1"), SERVE_VALIDITY, true));
  }

  /** A self-signed certificate for {@code subject}, on a new key. */
  public static Issued selfSigned(Subject subject) {
    KeyPair keys = newKeyPair();
    return new Issued(sign(subject, keys.getPublic(), subject.commonName(), keys), keys);
  }

  /** A certificate for {@code subject}, on a new key, signed by {@code issuer}. */
  public static Issued signedBy(Issued issuer, Subject subject) {
    KeyPair keys = newKeyPair();
    String issuerName =
        issuer.certificate().getSubjectX500Principal().getName().replaceFirst("^CN=", "");
    return new Issued(sign(subject, keys.getPublic(), issuerName, issuer.keyPair()), keys);
  }

  /** {@code certificate} as PEM text. */
  public static String pem(java.security.cert.Certificate certificate) {
    return write(certificate);
  }

  /** {@code key} as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as openssl. */
  public static String pem(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null));
    } catch (PemGenerationException e) {
      throw new IllegalArgumentException("cannot write this key as PEM", e);
    }
  }

  private static String write(Object pemObject) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(pemObject);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /** EC P-256: made in a millisecond or two, where an RSA key takes a noticeable part of a run. */
  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make EC P-256 keys", e);
    }
  }

  private static X509Certificate sign(
      Subject subject, java.security.PublicKey key, String issuerName, KeyPair issuerKeys) {
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=" + issuerName),
              new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
              Date.from(subject.notBefore()),
              Date.from(subject.notAfter()),
              new X500Name("CN=" + subject.commonName()),
              key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(subject.ca()));
      if (!subject.names().isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, altNames(subject.names()));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a certificate for " + subject, e);
    }
  }

  private static GeneralNames altNames(List<String> names) {
    List<GeneralName> general = new ArrayList<>();
    for (String name : names) {
      general.add(
          isIpAddress(name)
              ? new GeneralName(GeneralName.iPAddress, name)
              : new GeneralName(GeneralName.dNSName, name));
    }
    return new GeneralNames(general.toArray(GeneralName[]::new));
  }

  private static boolean isIpAddress(String name) {
    if (!name.contains(":") && !name.matches("[0-9.]+")) {
      return false;
    }
    try {
      InetAddress.ofLiteral(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
