package dev.flags.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the attempts made for one request, retries included. Put on a request as its tag; the
 * retry interceptor counts into it and whoever handles the response reads it back.
 */
public final class Attempts {
  private final AtomicInteger count = new AtomicInteger();

  int next() {
    return count.incrementAndGet();
  }

  public int count() {
    return count.get();
  }
}
