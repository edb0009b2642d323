package dev.flags.http;

import java.io.IOException;

/**
 * A request that failed, with the reason in the words a user expects ({@code timed out after 3.1
 * s}, {@code body truncated (1200 of 9893 bytes)}, ...), whether trying again may help, and how
 * many attempts were made when it was given up. The message is the reason.
 */
public final class FetchException extends IOException {
  private final boolean retryable;
  private final int attempts;

  public FetchException(String reason, boolean retryable, Throwable cause) {
    this(reason, retryable, 0, cause);
  }

  private FetchException(String reason, boolean retryable, int attempts, Throwable cause) {
    super(reason, cause);
    this.retryable = retryable;
    this.attempts = attempts;
  }

  /** A failure nobody should retry. */
  public static FetchException permanent(String reason) {
    return new FetchException(reason, false, null);
  }

  public String reason() {
    return getMessage();
  }

  public boolean retryable() {
    return retryable;
  }

  /** Attempts made for the request when it was given up; 0 if none was made or unknown. */
  public int attempts() {
    return attempts;
  }

  /** The same failure, final after {@code attempts} attempts. */
  public FetchException givenUpAfter(int attempts) {
    FetchException last = new FetchException(getMessage(), retryable, attempts, getCause());
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
