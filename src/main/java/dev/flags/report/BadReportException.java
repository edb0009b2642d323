package dev.flags.report;

/**
 * A report given to {@code flags report merge} that cannot be read or merged: not JSON, another
 * schema, a report that disagrees with itself, or shards that do not make one whole run. The
 * message is one line that says which and why.
 */
public final class BadReportException extends Exception {
  public BadReportException(String message) {
    super(message, null, false, false);
  }
}
