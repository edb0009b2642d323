package dev.flags.download;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of downloading one flag. Immutable, so strategies can hand it across threads.
 *
 * @param cc the upper-case country code
 * @param status what became of it
 * @param bytes bytes saved (0 unless OK and downloaded)
 * @param attempts requests made for the flag's GIF, retries included (0 if none was made; the
 *     {@code --metadata} request is not counted)
 * @param startMs when its work started, in ms since the run started
 * @param ms how long its work took, in ms
 * @param worker the thread or process that did the work
 * @param error why it failed: {@code HTTP 418 I'm a teapot}, or the URL when NOT_FOUND; null if OK
 * @param file the file name the flag is saved under in the destination ({@code br.gif}, {@code
 *     Brazil.gif}); null unless OK
 * @param skipped OK without downloading: already saved ({@code --skip-existing}) or not modified on
 *     the server ({@code --update})
 */
public record FlagResult(
    String cc,
    FlagStatus status,
    long bytes,
    int attempts,
    long startMs,
    long ms,
    String worker,
    String error,
    String file,
    boolean skipped) {

  /** A result without a file name or skip mark (the walking skeleton's shape). */
  public FlagResult(
      String cc,
      FlagStatus status,
      long bytes,
      int attempts,
      long startMs,
      long ms,
      String worker,
      String error) {
    this(cc, status, bytes, attempts, startMs, ms, worker, error, null, false);
  }

  /**
   * The line {@code -v} prints for it: {@code BR OK}, {@code BR OK (already saved)}, {@code QQ not
   * found: URL}, {@code JP error: HTTP 503 Service Unavailable (3 attempts)}, ...
   */
  public String verboseLine() {
    List<String> notes = new ArrayList<>(2);
    if (skipped) {
      notes.add("already saved");
    }
    if (attempts > 1) {
      notes.add(attempts + " attempts");
    }
    String line =
        switch (status) {
          case OK -> cc + " OK";
          case NOT_FOUND -> cc + " not found: " + error;
          case ERROR -> cc + " error: " + error;
        };
    return notes.isEmpty() ? line : line + " (" + String.join(", ", notes) + ")";
  }
}
