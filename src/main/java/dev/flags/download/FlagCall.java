package dev.flags.download;

import dev.flags.http.Attempts;
import dev.flags.work.WorkDone;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of one flag as its steps run (see {@link FlagSteps}): the file name it will be saved
 * under, the time of the copy already saved when only a newer one is asked for, and the attempts of
 * its GIF request (a tag of that request, counted by the retry interceptor), and its CPU work. One
 * step runs at a time, perhaps each on another thread (async), so the fields are volatile.
 */
final class FlagCall {
  final String cc;
  final long startNanos;
  final Attempts attempts = new Attempts();
  private volatile String file;
  private volatile Optional<Instant> savedAt = Optional.empty();
  private volatile WorkDone work = WorkDone.NONE;

  FlagCall(String cc, long startNanos) {
    this.cc = cc;
    this.startNanos = startNanos;
    this.file = plainName(cc);
  }

  /** {@code br.gif}: the name a flag has unless the metadata names it. */
  static String plainName(String cc) {
    return cc.toLowerCase(Locale.ROOT) + ".gif";
  }

  /** The file name to save under: {@code br.gif}, or the metadata's {@code Brazil.gif}. */
  String file() {
    return file;
  }

  void file(String name) {
    file = name;
  }

  /** When the copy already saved was made, if the request asks only for a newer one. */
  Optional<Instant> savedAt() {
    return savedAt;
  }

  void savedAt(Optional<Instant> time) {
    savedAt = time;
  }

  /** Its CPU work after the download ({@code --work}), on this process's clock. */
  WorkDone work() {
    return work;
  }

  void work(WorkDone done) {
    work = done;
  }
}
