package dev.flags.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ProtocolException;
import org.junit.jupiter.api.Test;

/** How failures that arrive as exceptions are named and whether they are tried again. */
class FailuresTest {
  private static FetchException classify(Exception e) {
    return Failures.classify((java.io.IOException) e, 0, RunGuard.unlimited(), null);
  }

  @Test
  void anAnswerThatIsNotHttpIsRetriedAndQuotedOnlyWhenReadable() {
    FetchException ssh =
        classify(new ProtocolException("Unexpected status line: SSH-2.0-OpenSSH_9.2"));
    assertThat(ssh.reason()).isEqualTo("bad response: not HTTP ('SSH-2.0-OpenSSH_9.2')");
    assertThat(ssh.retryable()).isTrue();

    FetchException garbage =
        classify(new ProtocolException("Unexpected status line: \u00e4\ufffd\u0007x\ufffd{"));
    assertThat(garbage.reason()).isEqualTo("bad response: not HTTP");
    assertThat(garbage.retryable()).isTrue();
  }

  @Test
  void otherProtocolErrorsAreNotRetried() {
    FetchException chunk =
        classify(
            new ProtocolException("expected chunk size and optional extensions but was \"x\""));
    assertThat(chunk.reason()).startsWith("bad response: expected chunk size");
    assertThat(chunk.retryable()).isFalse();
  }
}
