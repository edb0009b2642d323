package dev.flags.cli;

/**
 * The one way a command ends early: a message for one line on stderr and the exit code to return.
 * Commands throw it; {@link FlagsCommand#execute} turns it into that line and that code.
 */
public final class FlagsException extends RuntimeException {
  private final int exitCode;

  public FlagsException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public FlagsException(int exitCode, String message, Throwable cause) {
    super(message, cause, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
