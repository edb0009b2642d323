package dev.flags.download;

import dev.flags.http.Attempts;
import java.util.Locale;

/**
 * The state of one flag's call, carried as a tag on its request: filled in by the interceptors as
 * the call runs (attempts, the file name chosen from the metadata, whether it was skipped), read
 * back by {@link DownloadOne#complete}. One thread writes at a time; fields are volatile because an
 * async strategy may read them on another.
 */
final class FlagCall {
  final String cc;
  final Attempts attempts = new Attempts();
  private volatile String file;
  private volatile boolean alreadySaved;
  private volatile boolean conditional;

  FlagCall(String cc) {
    this.cc = cc;
    this.file = cc.toLowerCase(Locale.ROOT) + ".gif";
  }

  /** The file name to save under: {@code br.gif}, or the metadata's {@code Brazil.gif}. */
  String file() {
    return file;
  }

  void file(String name) {
    file = name;
  }

  /** True once {@code --skip-existing} found the flag already saved, so no request was made. */
  boolean alreadySaved() {
    return alreadySaved;
  }

  void markAlreadySaved() {
    alreadySaved = true;
  }

  /** True if the request asked only for a newer flag ({@code --update}), so 304 means "kept". */
  boolean conditional() {
    return conditional;
  }

  void markConditional() {
    conditional = true;
  }
}
