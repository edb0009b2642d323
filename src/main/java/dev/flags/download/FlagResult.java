package dev.flags.download;

import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import dev.flags.work.WorkDone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of one flag: its {@link Outcome}, and how the work went. Immutable, so strategies can
 * hand it across threads; built with {@link #of} and the {@code with...} steps, never positionally.
 *
 * @param cc the upper-case country code
 * @param outcome what became of it
 * @param attempts requests made for the flag's GIF, retries included (0 if none was made; the
 *     {@code --metadata} request is not counted)
 * @param startMs when its work started, in ms since the run started
 * @param ms how long its work took, in ms
 * @param worker the thread or process that did the work
 * @param work its CPU work after the download ({@code --work}), timed on the run's clock; {@link
 *     WorkDone#NONE} when there was none
 */
public record FlagResult(
    String cc, Outcome outcome, int attempts, long startMs, long ms, String worker, WorkDone work) {

  public FlagResult {
    work = work == null ? WorkDone.NONE : work;
  }

  /** The result of {@code cc}, with no attempt, no time, no worker and no work yet. */
  public static FlagResult of(String cc, Outcome outcome) {
    return new FlagResult(cc, outcome, 0, 0, 0, "-", WorkDone.NONE);
  }

  public FlagResult withAttempts(int count) {
    return new FlagResult(cc, outcome, count, startMs, ms, worker, work);
  }

  /** Started {@code startMs} after the run started and took {@code ms}. */
  public FlagResult withTime(long startMs, long ms) {
    return new FlagResult(cc, outcome, attempts, startMs, ms, worker, work);
  }

  public FlagResult withWorker(String name) {
    return new FlagResult(cc, outcome, attempts, startMs, ms, name, work);
  }

  /** Its CPU work, timed in nanoseconds since the run started. */
  public FlagResult withWork(WorkDone done) {
    return new FlagResult(cc, outcome, attempts, startMs, ms, worker, done);
  }

  /**
   * The same result, {@code ms} later on the run's clock, its work too: onto the parent's clock.
   */
  public FlagResult shifted(long ms) {
    return new FlagResult(
        cc, outcome, attempts, startMs + ms, this.ms, worker, work.shifted(ms * 1_000_000));
  }

  /** The book's three-way status, for counts and the machine formats. */
  public FlagStatus status() {
    return switch (outcome) {
      case Outcome.Saved s -> FlagStatus.OK;
      case Outcome.AlreadySaved s -> FlagStatus.OK;
      case Outcome.NotFound n -> FlagStatus.NOT_FOUND;
      case Outcome.Failed f -> FlagStatus.ERROR;
    };
  }

  /** Bytes saved: 0 unless downloaded. */
  public long bytes() {
    return outcome instanceof Outcome.Saved saved ? saved.bytes() : 0;
  }

  /** The failure's cause, if it failed. */
  public Optional<Cause> cause() {
    return outcome instanceof Outcome.Failed failed
        ? Optional.of(failed.cause())
        : Optional.empty();
  }

  /** What the reports call the outcome: the cause's words, the URL when not found, null if OK. */
  public String error() {
    return switch (outcome) {
      case Outcome.NotFound n -> n.url();
      case Outcome.Failed f -> f.cause().text();
      case Outcome.Saved s -> null;
      case Outcome.AlreadySaved s -> null;
    };
  }

  /** The file name the flag is saved under in the destination; null unless OK. */
  public String file() {
    return switch (outcome) {
      case Outcome.Saved s -> s.file();
      case Outcome.AlreadySaved s -> s.file();
      default -> null;
    };
  }

  /** OK without downloading: already saved, or not modified on the server. */
  public boolean skipped() {
    return outcome instanceof Outcome.AlreadySaved;
  }

  /**
   * The line {@code -v} prints for it: {@code BR OK}, {@code BR OK (already saved)}, {@code QQ not
   * found: URL}, {@code JP error: HTTP 503 Service Unavailable (3 attempts)}, ...
   */
  public String verboseLine() {
    List<String> notes = new ArrayList<>(2);
    if (skipped()) {
      notes.add("already saved");
    }
    if (attempts > 1) {
      notes.add(attempts + " attempts");
    }
    String line =
        switch (status()) {
          case OK -> cc + " OK";
          case NOT_FOUND -> cc + " not found: " + error();
          case ERROR -> cc + " error: " + error();
        };
    return notes.isEmpty() ? line : line + " (" + String.join(", ", notes) + ")";
  }
}
