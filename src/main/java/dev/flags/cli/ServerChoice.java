package dev.flags.cli;

import dev.flags.download.Fetch;

/**
 * Where flags come from.
 *
 * @param label EMBEDDED, LOCAL, DELAY, ERROR, REMOTE, or CUSTOM for a URL given by hand
 * @param baseUrl the base URL; null for EMBEDDED, whose port is only known once it has started
 */
public record ServerChoice(String label, String baseUrl) {
  public static final String REMOTE = "REMOTE";

  public boolean embedded() {
    return Fetch.EMBEDDED.equals(label);
  }

  /** The book's public site: a shared server that gets a modest default concurrency. */
  public boolean polite() {
    return REMOTE.equals(label);
  }
}
