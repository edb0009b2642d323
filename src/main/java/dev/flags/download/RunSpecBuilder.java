package dev.flags.download;

import dev.flags.http.RetryRules;
import dev.flags.tls.TrustSettings;
import dev.flags.work.WorkRules;
import dev.flags.work.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Builds a {@link RunSpec} by name ({@link RunSpec#builder}, {@link RunSpec#toBuilder}): it holds
 * the spec's parts, and each setter changes one of them; unset parts keep the command line's
 * defaults. The command line hands over whole parts; tests and programs set single values.
 */
public final class RunSpecBuilder {
  private Fetch fetch = new Fetch(List.of(), Fetch.CUSTOM, "", Path.of("downloads"));
  private Parallelism parallelism = Parallelism.of(Mode.THREADS);
  private boolean maxReqGiven;
  private RetryRules retry = RetryRules.DEFAULTS;
  private SaveRules save = SaveRules.DEFAULTS;
  private WorkRules work = WorkRules.NONE;
  private TrustSettings trust = TrustSettings.SYSTEM;

  RunSpecBuilder() {}

  RunSpecBuilder(RunSpec spec) {
    fetch(spec.fetch())
        .parallelism(spec.parallelism())
        .retry(spec.retry())
        .save(spec.save())
        .work(spec.work())
        .trust(spec.trust());
  }

  /** Whom HTTPS connections trust ({@code --cacert}, {@code -k}); the system's CAs if unset. */
  public RunSpecBuilder trust(TrustSettings value) {
    trust = value;
    return this;
  }

  public RunSpecBuilder fetch(Fetch value) {
    fetch = value;
    return this;
  }

  public RunSpecBuilder parallelism(Parallelism value) {
    parallelism = value;
    maxReqGiven = true;
    return this;
  }

  public RunSpecBuilder retry(RetryRules value) {
    retry = value;
    return this;
  }

  public RunSpecBuilder save(SaveRules value) {
    save = value;
    return this;
  }

  public RunSpecBuilder work(WorkRules value) {
    work = value;
    return this;
  }

  /** The mode, at its default concurrency unless {@link #maxReq} was given. */
  public RunSpecBuilder mode(Mode value) {
    parallelism =
        maxReqGiven ? new Parallelism(value, parallelism.maxReq()) : Parallelism.of(value);
    return this;
  }

  /** Unset: the mode's default. */
  public RunSpecBuilder maxReq(int value) {
    return parallelism(new Parallelism(parallelism.mode(), value));
  }

  public RunSpecBuilder codes(List<String> value) {
    return fetch(fetch.withCodes(value));
  }

  public RunSpecBuilder server(String label, String url) {
    return fetch(fetch.withServer(label, url));
  }

  /** A server given by URL: the report calls it {@link Fetch#CUSTOM}. */
  public RunSpecBuilder baseUrl(String url) {
    return server(Fetch.CUSTOM, url);
  }

  public RunSpecBuilder dest(Path value) {
    return fetch(fetch.withDest(value));
  }

  public RunSpecBuilder timeout(Duration value) {
    return retry(retry.withTimeout(value));
  }

  public RunSpecBuilder timeoutSeconds(double value) {
    return timeout(RetryRules.seconds(value));
  }

  public RunSpecBuilder retries(int value) {
    return retry(retry.withRetries(value));
  }

  public RunSpecBuilder backoffSeconds(double value) {
    return retry(retry.withBackoff(RetryRules.seconds(value)));
  }

  public RunSpecBuilder maxRetryWaitSeconds(double value) {
    return retry(retry.withMaxRetryWait(RetryRules.seconds(value)));
  }

  /** 0: no deadline. */
  public RunSpecBuilder deadlineSeconds(double value) {
    return retry(retry.withDeadline(RetryRules.seconds(value)));
  }

  public RunSpecBuilder maxBytes(long value) {
    return retry(retry.withMaxBytes(value));
  }

  public RunSpecBuilder skipExisting(boolean value) {
    return save(save.withSkipExisting(value));
  }

  public RunSpecBuilder update(boolean value) {
    return save(save.withUpdate(value));
  }

  public RunSpecBuilder metadata(boolean value) {
    return save(save.withMetadata(value));
  }

  /** The work calibrated by the parent: its rounds, and the time they were calibrated for. */
  public RunSpecBuilder work(Workload value) {
    return work(new WorkRules(value, work.gil()));
  }

  /** Whether flags hold a per-process lock while they compute. */
  public RunSpecBuilder gil(boolean value) {
    return work(new WorkRules(work.workload(), value));
  }

  public RunSpec build() {
    return new RunSpec(fetch, parallelism, retry, save, work, trust);
  }
}
