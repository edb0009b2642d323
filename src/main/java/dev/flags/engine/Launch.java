package dev.flags.engine;

import dev.flags.download.Fetch;
import dev.flags.download.Parallelism;
import dev.flags.download.RunSpec;
import dev.flags.download.SaveRules;
import dev.flags.http.RetryRules;
import dev.flags.report.RunReport;
import dev.flags.server.Chaos;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
import dev.flags.tls.ServerTls;
import dev.flags.tls.TrustSettings;
import dev.flags.work.WorkRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point for runs, used by {@code flags}, {@code flags bench} and {@code flags
 * lesson}: the server the runs fetch from (an embedded one it starts on a free 127.0.0.1 port and
 * stops when closed, or a server given by URL), the spec of each run built from the settings of the
 * command line's option groups, and the run itself through the {@link Engine}, which returns its
 * report. Each command then prints the report its own way.
 */
public final class Launch implements AutoCloseable {
  private final FlagServer embedded;
  private final String label;
  private final String baseUrl;
  private TrustSettings trust = TrustSettings.SYSTEM;

  private Launch(FlagServer embedded, String label, String baseUrl) {
    this.embedded = embedded;
    this.label = label;
    this.baseUrl = baseUrl;
  }

  /** Starts an embedded server of generated flags, behaving as {@code chaos}. */
  public static Launch embedded(Chaos chaos) throws IOException {
    return embedded(chaos, null);
  }

  /**
   * Starts an embedded server of generated flags, behaving as {@code chaos}, speaking HTTPS with
   * {@code tls} if not null.
   */
  public static Launch embedded(Chaos chaos, ServerTls tls) throws IOException {
    FlagServer server =
        FlagServer.start("127.0.0.1", 0, new GeneratedFlags(), chaos, RequestLog.IGNORE, tls);
    return new Launch(server, Fetch.EMBEDDED, server.baseUrl());
  }

  /** Runs against the server at {@code baseUrl}, which reports call {@code label}. */
  public static Launch remote(String label, String baseUrl) {
    return new Launch(null, label, baseUrl);
  }

  /**
   * Whom the runs' HTTPS connections trust ({@code --cacert}, {@code -k}); the system's CAs if
   * unset.
   */
  public Launch trusting(TrustSettings value) {
    trust = value;
    return this;
  }

  public TrustSettings trust() {
    return trust;
  }

  /** The embedded server's connections and TLS handshakes so far; empty for a remote server. */
  public Optional<FlagServer> embeddedServer() {
    return Optional.ofNullable(embedded);
  }

  /** What the report calls the server: EMBEDDED, LOCAL, ... or CUSTOM. */
  public String label() {
    return label;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The spec of a run of {@code codes} from this server into {@code dest}, by these rules. */
  public RunSpec spec(
      List<String> codes,
      Path dest,
      Parallelism parallelism,
      RetryRules retry,
      SaveRules save,
      WorkRules work) {
    return new RunSpec(
        new Fetch(codes, label, baseUrl, dest), parallelism, retry, save, work, trust);
  }

  /** An engine for {@code spec}, for a caller that cancels it (Ctrl-C) while it runs. */
  public Engine engine(RunSpec spec) {
    return Engine.of(spec);
  }

  /** Runs {@code spec}, telling {@code listener} of each flag, and returns its report. */
  public RunReport run(RunSpec spec, RunListener listener) {
    return engine(spec).run(listener);
  }

  /** Stops the embedded server, if any. */
  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
