package dev.flags.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A handshake failure's words, as the JDK gives them, without its class names. */
class TlsWordsTest {
  @Test
  void keepsTheJdksPlainWords() {
    assertThat(TlsFailures.words("Received fatal alert: handshake_failure"))
        .isEqualTo("Received fatal alert: handshake_failure");
  }

  @Test
  void dropsQuotedClassNamesAndAlertTags() {
    assertThat(
            TlsFailures.words(
                "(certificate_unknown) PKIX path building failed:"
                    + " sun.security.provider.certpath.SunCertPathBuilderException: unable"))
        .isEqualTo("PKIX path building failed:");
  }

  @Test
  void namesAPlainServerOnATlsPort() {
    assertThat(TlsFailures.words("Unsupported or unrecognized SSL message"))
        .isEqualTo("the server does not speak TLS on this port (plain HTTP?)");
  }
}
