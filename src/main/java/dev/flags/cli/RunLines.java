package dev.flags.cli;

import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import dev.flags.download.ResultListener;
import dev.flags.download.SubmissionOrder;
import dev.flags.engine.RunListener;
import dev.flags.report.Progress;
import dev.flags.report.TextReport;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code flags} shows while it runs: the progress bar, and the -v lines (to {@code info}:
 * stdout in text, stderr with json/csv, or nowhere) or, with -q, each failed flag's line on stderr.
 */
final class RunLines implements RunListener {
  private final Progress progress;
  private final ResultListener lines;

  private RunLines(Progress progress, ResultListener lines) {
    this.progress = progress;
    this.lines = lines;
  }

  /** The lines {@code output} asks for, about {@code codes}, besides {@code progress}. */
  static RunLines of(
      Progress progress,
      OutputOptions output,
      PrintWriter info,
      PrintWriter err,
      List<String> codes) {
    ResultListener lines =
        output.verbose()
            ? verboseLines(info, output.order(), codes)
            : output.quiet() ? failedLines(err) : ResultListener.NONE;
    return new RunLines(progress, lines);
  }

  @Override
  public void onProgress(FlagResult result) {
    progress.step(result);
  }

  @Override
  public void onResult(FlagResult result) {
    lines.onResult(result);
  }

  /** With {@code -v}, a line per flag to {@code info}, in the order {@code --order} asks for. */
  private static ResultListener verboseLines(
      PrintWriter info, OutputOptions.Order order, List<String> codes) {
    if (info == null) {
      return ResultListener.NONE;
    }
    ResultListener print =
        result -> {
          info.println(TextReport.flagLine(result));
          info.flush();
        };
    return order == OutputOptions.Order.SUBMITTED ? new SubmissionOrder(codes, print) : print;
  }

  /** With {@code -q}, each failed flag's line on {@code err}: the one thing -q still shows. */
  private static ResultListener failedLines(PrintWriter err) {
    return result -> {
      if (result.status() == FlagStatus.ERROR) {
        err.println(result.verboseLine());
        err.flush();
      }
    };
  }
}
