package dev.flags.report;

import dev.flags.download.FlagResult;
import dev.flags.download.FlagStatus;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A me.tongfei:progressbar bar on stderr: flags done of flags asked, and errors so far.
 *
 * <p>The width comes from the launcher ({@code flags.columns}, from {@code stty size}), else 80:
 * the library would otherwise start JLine to ask the terminal. Plain Unicode blocks without colour,
 * or ASCII when stderr is not UTF-8.
 */
final class TerminalProgress implements Progress {
  private static final int DEFAULT_COLUMNS = 80;

  private final ProgressBar bar;
  private int errors;

  TerminalProgress(int total) {
    bar =
        new ProgressBarBuilder()
            .setTaskName("flags")
            .setInitialMax(total)
            .setStyle(utf8() ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(100)
            .setConsumer(new ConsoleProgressBarConsumer(System.err, columns() - 1))
            .build();
  }

  @Override
  public void step(FlagResult result) {
    if (result.status() == FlagStatus.ERROR) {
      errors++;
      bar.setExtraMessage(errors == 1 ? "1 error" : errors + " errors");
    }
    bar.step();
  }

  @Override
  public void close() {
    bar.close();
  }

  private static int columns() {
    try {
      int columns = Integer.parseInt(System.getProperty("flags.columns", ""));
      return columns >= 20 ? columns : DEFAULT_COLUMNS;
    } catch (NumberFormatException e) {
      return DEFAULT_COLUMNS;
    }
  }

  private static boolean utf8() {
    String encoding = System.getProperty("stderr.encoding", "");
    return encoding.equalsIgnoreCase(StandardCharsets.UTF_8.name())
        || encoding.equalsIgnoreCase("utf8");
  }
}
