package dev.flags.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * stdout as the report's channel: the report and {@code --format json|csv} are data, and losing
 * them (a full disk, a closed stdout) must not pass for success. {@link PrintWriter} and {@code
 * System.out} swallow write errors, so this stream sits under the writer and remembers the first
 * one; {@link #exitCode} then says so on stderr and turns the run's code into {@link
 * ExitCodes#OUTPUT}.
 *
 * <p>A reader that went away ({@code flags | head -1}) is not an error: as every Unix filter does,
 * the run stays quiet about it and finishes its downloads. A failed write to a pipe or a socket can
 * only mean that, so the kind of file behind stdout decides, not the exception's message.
 */
public final class ReportOutput extends FilterOutputStream {
  /** {@code st_mode}'s file-type bits, and those of a FIFO and a socket (POSIX). */
  private static final int TYPE_MASK = 0170000;

  private static final int FIFO = 0010000;
  private static final int SOCKET = 0140000;

  private static volatile ReportOutput installed;

  private final Path file;
  private volatile IOException failure;

  private ReportOutput(OutputStream out, Path file) {
    super(out);
    this.file = file;
  }

  /**
   * The process's stdout (file descriptor 1, not the error-swallowing {@code System.out}), made the
   * one {@link #lost} asks about.
   */
  public static ReportOutput stdout() {
    ReportOutput stdout =
        new ReportOutput(new FileOutputStream(FileDescriptor.out), Path.of("/dev/stdout"));
    installed = stdout;
    return stdout;
  }

  /** A writer for the report, in {@code System.out}'s charset, as {@code System.out} would be. */
  public PrintWriter writer() {
    Charset charset = System.out.charset();
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(this, charset)));
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw record(e);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw record(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw record(e);
    }
  }

  private IOException record(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /**
   * Whether the report written through {@code out} was lost for a reason worth an error (not a
   * reader that went away): for a command that must stop at once, as {@code flags serve} when it
   * cannot tell its URL. False for a writer that is not over the process's stdout.
   */
  public static boolean lost(PrintWriter out) {
    out.flush();
    ReportOutput stdout = installed;
    return out.checkError() && stdout != null && stdout.failure != null && !stdout.readerGone();
  }

  /**
   * The exit code of a command that returned {@code code}, given what became of its report: a
   * failed write is one line on {@code err} and {@link ExitCodes#OUTPUT}, unless a signal stopped
   * the run (its code says more) or the reader went away (quiet, {@code code} as is).
   */
  public int exitCode(int code, PrintWriter err) {
    IOException lost = failure;
    if (lost == null || readerGone()) {
      return code;
    }
    err.println("flags: cannot write the report to stdout: " + lost.getMessage());
    err.flush();
    return code == ExitCodes.SIGINT || code == ExitCodes.SIGTERM ? code : ExitCodes.OUTPUT;
  }

  /** Whether stdout is a pipe or a socket, where a failed write means that its reader is gone. */
  private boolean readerGone() {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode");
      int type = mode & TYPE_MASK;
      return type == FIFO || type == SOCKET;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false; // cannot tell: better a needless line than a silent loss
    }
  }
}
