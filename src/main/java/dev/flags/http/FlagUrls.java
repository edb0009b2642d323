package dev.flags.http;

import java.util.Locale;

/** The book's URL layout: {@code {base}/{cc}/{cc}.gif} and {@code {base}/{cc}/metadata.json}. */
public final class FlagUrls {
  private final String base;

  /**
   * @param base the server's base URL, with or without a trailing slash
   */
  public FlagUrls(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public String base() {
    return base;
  }

  /** Whether the server is reached over https (then the client needs TLS from the start). */
  public boolean https() {
    return base.regionMatches(true, 0, "https:", 0, 6);
  }

  public String flag(String cc) {
    String lower = cc.toLowerCase(Locale.ROOT);
    return base + "/" + lower + "/" + lower + ".gif";
  }

  public String metadata(String cc) {
    return base + "/" + cc.toLowerCase(Locale.ROOT) + "/metadata.json";
  }
}
