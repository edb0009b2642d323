package dev.flags.report;

import java.util.Locale;

/** What a command writes on stdout: {@code --format text|json|csv}. */
public enum OutputFormat {
  /** For people: the book's report, or bench's table. */
  TEXT,
  /** One JSON object on one line; the schema is in docs/user-guide.md, kept stable. */
  JSON,
  /** A header line and one row per flag (or bench row), RFC 4180 quoting. */
  CSV;

  /** The name users type: {@code json}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
