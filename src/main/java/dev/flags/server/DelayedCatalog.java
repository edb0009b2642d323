package dev.flags.server;

import java.time.Duration;
import java.util.Optional;

/**
 * Another catalog's answers, each after a fixed delay: a server whose every response takes the same
 * time, so a benchmark's ideal time is known ({@code ceil(N / C) × delay}). The server serves each
 * connection on a virtual thread, so a thousand waiting responses cost no platform thread.
 */
public final class DelayedCatalog implements FlagCatalog {
  private final FlagCatalog catalog;
  private final Duration delay;

  public DelayedCatalog(FlagCatalog catalog, Duration delay) {
    this.catalog = catalog;
    this.delay = delay;
  }

  @Override
  public Optional<Resource> find(String path) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing: answer at once
    }
    return catalog.find(path);
  }
}
