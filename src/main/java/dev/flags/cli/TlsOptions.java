package dev.flags.cli;

import dev.flags.tls.TrustSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --cacert FILE} and {@code -k/--insecure}: whom HTTPS trusts, as curl's options of the same
 * names say, with curl's {@code CURL_CA_BUNDLE} and {@code SSL_CERT_FILE} read the same way.
 */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class TlsOptions {
  static final String INSECURE_WARNING =
      "flags: warning: -k: HTTPS certificates and host names are not checked";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description =
          "Trust the PEM certificate(s) in FILE for HTTPS, besides the system's CAs (e.g. the"
              + " file 'flags serve --tls' prints); repeatable. Default: $CURL_CA_BUNDLE, else"
              + " $SSL_CERT_FILE, as curl.")
  private List<Path> cacerts = new ArrayList<>();

  @Option(
      names = {"-k", "--insecure"},
      description = "HTTPS without checking the certificate or the host name (a warning says so).")
  private boolean insecure;

  /**
   * The run's trust, with every CA file read: a missing, unreadable or non-PEM one is a usage
   * error. The environment's CA file counts only for HTTPS ({@code https}): a plain run is never
   * stopped by it.
   */
  public TrustSettings trust(boolean https, Map<String, String> env) {
    TrustSettings trust =
        TrustSettings.of(cacerts, insecure, https || !cacerts.isEmpty() ? env : Map.of());
    try {
      trust.check();
    } catch (IOException e) {
      String from = cacerts.isEmpty() ? "$" + variableSet(env) : "--cacert";
      throw new ParameterException(spec.commandLine(), from + ": " + e.getMessage());
    }
    return trust;
  }

  /** With {@code -k}: the one warning of the run, on stderr. */
  public void warnIfInsecure(PrintWriter err) {
    if (insecure) {
      err.println(INSECURE_WARNING);
      err.flush();
    }
  }

  private static String variableSet(Map<String, String> env) {
    return TrustSettings.CA_VARIABLES.stream()
        .filter(name -> env.get(name) != null && !env.get(name).isBlank())
        .findFirst()
        .orElse("SSL_CERT_FILE");
  }
}
