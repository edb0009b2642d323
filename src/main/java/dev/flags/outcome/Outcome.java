package dev.flags.outcome;

/**
 * What became of one flag, the book's {@code DownloadStatus} with its details: saved, already
 * saved, not found, or failed for a {@link Cause}. Built by the named factories.
 */
public sealed interface Outcome {

  /** Downloaded and saved under {@code file} ({@code br.gif}, {@code Brazil.gif}). */
  record Saved(long bytes, String file) implements Outcome {}

  /**
   * Already in the destination under {@code file}, so not downloaded: {@code --skip-existing}, or
   * not modified on the server ({@code --update}).
   */
  record AlreadySaved(String file) implements Outcome {}

  /** The server answered 404 at {@code url}: the code names no flag. Not a failure of the run. */
  record NotFound(String url) implements Outcome {}

  /** Nothing was saved under the final name. */
  record Failed(Cause cause) implements Outcome {}

  static Outcome saved(long bytes, String file) {
    return new Saved(bytes, file);
  }

  static Outcome alreadySaved(String file) {
    return new AlreadySaved(file);
  }

  static Outcome notFound(String url) {
    return new NotFound(url);
  }

  static Outcome failed(Cause cause) {
    return new Failed(cause);
  }
}
