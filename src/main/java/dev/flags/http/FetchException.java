package dev.flags.http;

import dev.flags.outcome.Cause;
import java.io.IOException;

/**
 * A request that failed, with its typed {@link Cause} (which says whether trying again may help)
 * and how many attempts were made when it was given up. The message is the cause's words.
 */
public final class FetchException extends IOException {
  private final transient Cause cause;
  private final int attempts;

  public FetchException(Cause cause, Throwable source) {
    this(cause, 0, source);
  }

  private FetchException(Cause cause, int attempts, Throwable source) {
    super(cause.text(), source);
    this.cause = cause;
    this.attempts = attempts;
  }

  /** A failure with no exception behind it. */
  public static FetchException of(Cause cause) {
    return new FetchException(cause, null);
  }

  /** Why the request failed. */
  public Cause failure() {
    return cause;
  }

  /** The cause's words, as a user reads them. */
  public String reason() {
    return cause.text();
  }

  public boolean retryable() {
    return cause.retryable();
  }

  /** Attempts made for the request when it was given up; 0 if none was made or unknown. */
  public int attempts() {
    return attempts;
  }

  /** The same failure, final after {@code attempts} attempts. */
  public FetchException givenUpAfter(int attempts) {
    FetchException last = new FetchException(cause, attempts, getCause());
    last.setStackTrace(getStackTrace());
    return last;
  }

  /** The first {@link FetchException} in {@code e}'s cause chain, or null. */
  public static FetchException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FetchException fetch) {
        return fetch;
      }
    }
    return null;
  }
}
