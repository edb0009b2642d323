package dev.flags.cli;

import dev.flags.http.RetryRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * When to give up: each request's timeout, retries and their waits, the run's deadline, the largest
 * body accepted. Yields one {@link RetryRules}, which goes whole to the run's HTTP client.
 */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class RetryOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "" + RetryRules.DEFAULT_TIMEOUT_SECONDS,
      converter = Numbers.Seconds.class,
      description =
          "Per-request timeout: connect, each read and the whole request, body included; each"
              + " retry gets its own (default: ${DEFAULT-VALUE}).")
  private double timeoutSeconds;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "" + RetryRules.DEFAULT_RETRIES,
      description = {
        "Try a failed flag again up to N times (default: ${DEFAULT-VALUE}), only for failures that"
            + " may pass: connect errors, timeouts, resets, truncated bodies, HTTP 408, 429 and"
            + " 5xx. Never 404 or another 4xx."
      })
  private int retries;

  @Option(
      names = "--backoff",
      paramLabel = "SECONDS",
      defaultValue = "" + RetryRules.DEFAULT_BACKOFF_SECONDS,
      converter = Numbers.SecondsOrZero.class,
      description =
          "Wait before the first retry, doubled for each next one; each wait is a random 50-100%%"
              + " of that (default: ${DEFAULT-VALUE}).")
  private double backoff;

  @Option(
      names = "--max-retry-wait",
      paramLabel = "SECONDS",
      defaultValue = "" + RetryRules.DEFAULT_MAX_RETRY_WAIT_SECONDS,
      converter = Numbers.SecondsOrZero.class,
      description =
          "Longest wait before a retry. A server's Retry-After is honoured up to this"
              + " (default: ${DEFAULT-VALUE}).")
  private double maxRetryWait;

  @Option(
      names = "--deadline",
      paramLabel = "SECONDS",
      converter = Numbers.Seconds.class,
      description =
          "Time limit for the whole run: what is unfinished then is an error \"deadline\", and"
              + " each request's timeout is cut to the time left (default: none).")
  private Double deadline;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      defaultValue = "" + RetryRules.DEFAULT_MAX_BYTES,
      description =
          "Largest flag accepted, in bytes; reading stops as soon as it is exceeded"
              + " (default: ${DEFAULT-VALUE}, 10 MiB).")
  private long maxBytes;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      converter = HeaderConverter.class,
      description =
          "Send this header with every request, as curl's -H (repeatable); its value is never"
              + " shown.")
  private List<RetryRules.Header> headers = new ArrayList<>();

  /** The rules, validated. */
  public RetryRules rules() {
    if (retries < 0 || retries > 100) {
      throw usage("--retries must be from 0 to 100, not " + retries);
    }
    if (maxBytes < 1) {
      throw usage("--max-bytes must be at least 1, not " + maxBytes);
    }
    return new RetryRules(
        RetryRules.seconds(timeoutSeconds),
        retries,
        RetryRules.seconds(backoff),
        RetryRules.seconds(maxRetryWait),
        deadline == null ? Duration.ZERO : RetryRules.seconds(deadline),
        maxBytes,
        headers);
  }

  /**
   * Parses {@code Name: value} as HTTP allows it (a token, then a value of visible characters), so
   * a bad header is a usage error before any request. Its message names no value: it may be a
   * token.
   */
  static final class HeaderConverter implements ITypeConverter<RetryRules.Header> {
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");

    @Override
    public RetryRules.Header convert(String text) {
      int colon = text.indexOf(':');
      if (colon < 0) {
        throw new TypeConversionException("a header is 'Name: value', with a colon");
      }
      String name = text.substring(0, colon).strip();
      String value = text.substring(colon + 1).strip();
      if (!NAME.matcher(name).matches()) {
        throw new TypeConversionException("a header's name must be a non-empty HTTP token");
      }
      if (!VALUE.matcher(value).matches()) {
        throw new TypeConversionException(
            "the value of header " + name + " holds a character HTTP does not allow");
      }
      return new RetryRules.Header(name, value);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
