package dev.flags.download;

import dev.flags.tls.TrustSettings;
import dev.flags.work.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Builds a {@link RunSpec} field by field ({@link RunSpec#builder}, {@link RunSpec#toBuilder});
 * unset fields keep the command line's defaults.
 */
public final class RunSpecBuilder {
  private Mode mode = Mode.THREADS;
  private List<String> codes = List.of();
  private String serverLabel = "CUSTOM";
  private String baseUrl;
  private Path dest = Path.of("downloads");
  private Integer maxReq;
  private double timeoutSeconds = RunSpec.DEFAULT_TIMEOUT_SECONDS;
  private int retries = RunSpec.DEFAULT_RETRIES;
  private double backoffSeconds = RunSpec.DEFAULT_BACKOFF_SECONDS;
  private double maxRetryWaitSeconds = RunSpec.DEFAULT_MAX_RETRY_WAIT_SECONDS;
  private double deadlineSeconds;
  private long maxBytes = RunSpec.DEFAULT_MAX_BYTES;
  private boolean skipExisting;
  private boolean update;
  private boolean metadata;
  private long workRounds;
  private boolean gil;
  private double workMillis;
  private TrustSettings trust = TrustSettings.SYSTEM;

  RunSpecBuilder() {}

  RunSpecBuilder(RunSpec spec) {
    mode = spec.mode();
    codes = spec.codes();
    serverLabel = spec.serverLabel();
    baseUrl = spec.baseUrl();
    dest = spec.dest();
    maxReq = spec.maxReq();
    timeoutSeconds = spec.timeoutSeconds();
    retries = spec.retries();
    backoffSeconds = spec.backoffSeconds();
    maxRetryWaitSeconds = spec.maxRetryWaitSeconds();
    deadlineSeconds = spec.deadlineSeconds();
    maxBytes = spec.maxBytes();
    skipExisting = spec.skipExisting();
    update = spec.update();
    metadata = spec.metadata();
    workRounds = spec.workRounds();
    gil = spec.gil();
    workMillis = spec.workMillis();
    trust = spec.trust();
  }

  /** Whom HTTPS connections trust ({@code --cacert}, {@code -k}); the system's CAs if unset. */
  public RunSpecBuilder trust(TrustSettings value) {
    trust = value;
    return this;
  }

  public RunSpecBuilder mode(Mode value) {
    mode = value;
    return this;
  }

  public RunSpecBuilder codes(List<String> value) {
    codes = value;
    return this;
  }

  public RunSpecBuilder server(String label, String url) {
    serverLabel = label;
    baseUrl = url;
    return this;
  }

  /** A server given by URL: the report calls it CUSTOM. */
  public RunSpecBuilder baseUrl(String url) {
    return server("CUSTOM", url);
  }

  public RunSpecBuilder dest(Path value) {
    dest = value;
    return this;
  }

  /** Unset: the mode's default. */
  public RunSpecBuilder maxReq(int value) {
    maxReq = value;
    return this;
  }

  public RunSpecBuilder timeout(Duration value) {
    timeoutSeconds = value.toNanos() / 1e9;
    return this;
  }

  public RunSpecBuilder timeoutSeconds(double value) {
    timeoutSeconds = value;
    return this;
  }

  public RunSpecBuilder retries(int value) {
    retries = value;
    return this;
  }

  public RunSpecBuilder backoffSeconds(double value) {
    backoffSeconds = value;
    return this;
  }

  public RunSpecBuilder maxRetryWaitSeconds(double value) {
    maxRetryWaitSeconds = value;
    return this;
  }

  /** 0: no deadline. */
  public RunSpecBuilder deadlineSeconds(double value) {
    deadlineSeconds = value;
    return this;
  }

  public RunSpecBuilder maxBytes(long value) {
    maxBytes = value;
    return this;
  }

  public RunSpecBuilder skipExisting(boolean value) {
    skipExisting = value;
    return this;
  }

  public RunSpecBuilder update(boolean value) {
    update = value;
    return this;
  }

  public RunSpecBuilder metadata(boolean value) {
    metadata = value;
    return this;
  }

  /** The rounds of CPU work each flag does after its download; 0: none. */
  public RunSpecBuilder workRounds(long value) {
    workRounds = value;
    return this;
  }

  /** The work calibrated by the parent: its rounds, and the time they were calibrated for. */
  public RunSpecBuilder work(Workload value) {
    workRounds = value.rounds();
    workMillis = value.time().toNanos() / 1e6;
    return this;
  }

  /** Whether flags hold a per-process lock while they compute. */
  public RunSpecBuilder gil(boolean value) {
    gil = value;
    return this;
  }

  public RunSpec build() {
    return new RunSpec(
        mode,
        codes,
        serverLabel,
        baseUrl,
        dest,
        maxReq != null ? maxReq : mode.defaultMaxReq(),
        timeoutSeconds,
        retries,
        backoffSeconds,
        maxRetryWaitSeconds,
        deadlineSeconds,
        maxBytes,
        skipExisting,
        update,
        metadata,
        workRounds,
        gil,
        workMillis,
        trust);
  }
}
