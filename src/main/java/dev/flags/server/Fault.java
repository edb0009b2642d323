package dev.flags.server;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ways the flag server can misbehave on purpose, each seen by a client as a different failure.
 */
public enum Fault {
  /** The connection is reset (TCP RST): clients see "connection reset". */
  RESET("reset", 0),
  /** The connection is closed with no response at all: "unexpected end of stream". */
  EMPTY("empty", 0),
  /** The head promises the whole body, half of it is sent, then the connection closes. */
  TRUNCATED("truncated", 0),
  /** Random bytes instead of a response, then close: an unreadable status line. */
  GARBAGE("garbage", 0),
  /** A correct response whose body is dribbled out over several seconds: whole-call timeouts. */
  SLOW_BODY("slow-body", 0),
  /** {@code 503 Service Unavailable} with {@code Retry-After}. */
  STATUS_503("status-503", 503),
  /** {@code 429 Too Many Requests} with {@code Retry-After}. */
  STATUS_429("status-429", 429),
  /**
   * The request is read and never answered: the connection stays silent until the client gives up
   * (or the server's 30 s idle timeout). A delay past any timeout, for one request in many.
   */
  STALL("stall", 0);

  private final String label;
  private final int status;

  Fault(String label, int status) {
    this.label = label;
    this.status = status;
  }

  /** The name used on the command line and in the request log: {@code slow-body}. */
  public String label() {
    return label;
  }

  /** The status this fault answers with, or 0 for faults that break the connection instead. */
  int status() {
    return status;
  }

  public static Optional<Fault> byLabel(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
  }

  /** {@code reset, empty, ...}: for error messages and help. */
  public static String labels() {
    return Arrays.stream(values()).map(Fault::label).collect(Collectors.joining(", "));
  }
}
