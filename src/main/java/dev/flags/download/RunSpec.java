package dev.flags.download;

import dev.flags.http.RetryRules;
import dev.flags.tls.TrustSettings;
import dev.flags.work.WorkRules;
import java.util.List;
import java.util.Objects;

/**
 * One immutable description of a run, composed of the settings each option group yields, each of
 * which goes whole to the one place that uses it: what to fetch ({@link Fetch}), how many at once
 * ({@link Parallelism}, to the strategy), when to give up ({@link RetryRules}, to the HTTP client),
 * what to do with flags already saved ({@link SaveRules}, to the per-flag steps) and the work per
 * flag with its lock ({@link WorkRules}). Built by name with {@link #builder}; a process pool sends
 * it whole to its workers as JSON, so a setting added to one of its parts reaches every mode.
 *
 * @param fetch the codes, the server and the destination
 * @param parallelism the mode and its concurrency
 * @param retry timeouts, retries, the deadline and the body limit
 * @param save what to do with flags already saved, and how to name files
 * @param work the CPU work per flag and its lock
 * @param trust whom HTTPS connections trust ({@code --cacert}, {@code -k}), read again by workers
 */
public record RunSpec(
    Fetch fetch,
    Parallelism parallelism,
    RetryRules retry,
    SaveRules save,
    WorkRules work,
    TrustSettings trust) {

  public RunSpec {
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(parallelism, "parallelism");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(save, "save");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(trust, "trust");
  }

  /** The command line's defaults: threads at their default concurrency, no codes yet. */
  public static RunSpecBuilder builder() {
    return new RunSpecBuilder();
  }

  /** A builder holding this description, to change some of it. */
  public RunSpecBuilder toBuilder() {
    return new RunSpecBuilder(this);
  }

  public Mode mode() {
    return parallelism.mode();
  }

  public List<String> codes() {
    return fetch.codes();
  }

  /** The concurrency the run really uses: the mode's, and never more than there are codes. */
  public int concurrency() {
    return parallelism.limit(fetch.codes().size());
  }
}
