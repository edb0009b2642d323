package dev.flags.cli;

import dev.flags.outcome.Cause;
import dev.flags.report.RunReport;

/** The exit codes of {@code flags}, documented in {@code --help} and docs/user-guide.md. */
public final class ExitCodes {
  /** Every flag was saved or is known not to exist (404). */
  public static final int OK = 0;

  /** At least one flag failed, or the command could not do its work. */
  public static final int ERRORS = 1;

  /** Bad command line: nothing was downloaded. */
  public static final int USAGE = 2;

  /**
   * The report or machine format could not be written to stdout (a full disk, a closed stdout): the
   * downloads may have gone well, but a script would get no report. curl's "write error" code.
   */
  public static final int OUTPUT = 23;

  /**
   * Flags failed, every one of them because the server's certificate was refused (not trusted, for
   * another host name, expired): curl's code for "SSL certificate problem".
   */
  public static final int CERTIFICATE = 60;

  /** Interrupted by Ctrl-C (SIGINT). */
  public static final int SIGINT = 130;

  /** Terminated by SIGTERM. */
  public static final int SIGTERM = 143;

  private ExitCodes() {}

  /**
   * A finished run's code: {@link #OK} without errors; {@link #CERTIFICATE} when every failed flag
   * failed on the server's certificate; else {@link #ERRORS}.
   */
  public static int of(RunReport report) {
    if (report.errors() == 0) {
      return OK;
    }
    return report.count(Cause.CertificateProblem.class) == report.errors() ? CERTIFICATE : ERRORS;
  }
}
