package dev.flags.cli;

import picocli.CommandLine.Option;

/** What the run prints besides its report. */
public final class OutputOptions {
  /** The order of the {@code -v} lines. */
  public enum Order {
    /** As each flag completes: the book's {@code as_completed}. */
    COMPLETED,
    /** In the order the codes were submitted: the book's {@code Executor.map}. */
    SUBMITTED
  }

  @Option(
      names = {"-v", "--verbose"},
      description = {
        "One line per flag: when it finished (since the start), which thread or worker process"
            + " did it, and how it went (BR OK, QQ not found: URL, ...); and logs."
      })
  boolean verbose;

  @Option(
      names = "--order",
      paramLabel = "ORDER",
      defaultValue = "completed",
      description = {
        "Order of the -v lines (default: ${DEFAULT-VALUE}):",
        "  completed  as each flag completes",
        "  submitted  in the order of the codes: a slow",
        "             flag holds back the lines after it",
        "Totals are the same either way."
      })
  Order order;

  public boolean verbose() {
    return verbose;
  }

  public Order order() {
    return order;
  }
}
