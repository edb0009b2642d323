package dev.flags.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The bytes of a child process's stdout or stderr, read as they come on a thread of its own (a pipe
 * left unread would block the child), readable as text at any moment.
 */
public final class StreamText {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Thread reader;

  public StreamText(InputStream in) {
    reader =
        Thread.ofPlatform()
            .daemon()
            .name("stream-text")
            .start(
                () -> {
                  try (in) {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                      synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                      }
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
  }

  /** Waits, at most {@code bound}, for the stream to end (the child closed it or exited). */
  public void awaitEnd(Duration bound) throws InterruptedException {
    reader.join(bound.toMillis());
  }

  /** What has arrived so far, as UTF-8. */
  public String text() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
