package dev.flags.cli;

import dev.flags.download.Fetch;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -s/--server}: a label for one of the book's servers, or any http(s) base URL. */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class ServerOptions {
  /** The book's servers (flags2_common.py), plus REMOTE, the book's own site. */
  static final Map<String, String> LABELS =
      Map.of(
          "LOCAL", "http://localhost:8000/flags",
          "DELAY", "http://localhost:8001/flags",
          "ERROR", "http://localhost:8002/flags",
          "REMOTE", "https://www.fluentpython.com/data/flags");

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = {"-s", "--server"},
      paramLabel = "LABEL|URL",
      defaultValue = Fetch.EMBEDDED,
      description = {
        "Where to download from (default: ${DEFAULT-VALUE}). Labels, any case:",
        "  EMBEDDED  a flag server started inside this process",
        "  LOCAL     http://localhost:8000/flags",
        "  DELAY     http://localhost:8001/flags",
        "  ERROR     http://localhost:8002/flags",
        "  REMOTE    https://www.fluentpython.com/data/flags",
        // URLs on lines of their own: help breaks long lines at ':' and '/' too.
        "or an http(s) base URL, such as",
        "  http://127.0.0.1:8080/flags"
      })
  private String server;

  /** The chosen server, validated. */
  public ServerChoice choice() {
    String label = server.toUpperCase(Locale.ROOT);
    if (label.equals(Fetch.EMBEDDED)) {
      return new ServerChoice(Fetch.EMBEDDED, null);
    }
    if (LABELS.containsKey(label)) {
      return new ServerChoice(label, LABELS.get(label));
    }
    if (!server.contains(":")) {
      throw usage(
          "unknown server '"
              + CodeOptions.printable(server)
              + "': use EMBEDDED, LOCAL, DELAY, ERROR, REMOTE or an http(s) URL");
    }
    return new ServerChoice(Fetch.CUSTOM, checkedUrl(server));
  }

  private String checkedUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw usage("malformed server URL '" + CodeOptions.printable(url) + "': " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw usage("server URL must be http or https, not '" + CodeOptions.printable(url) + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw usage("server URL has no host: '" + CodeOptions.printable(url) + "'");
    }
    if (HttpUrl.parse(url) == null) {
      throw usage("malformed server URL '" + CodeOptions.printable(url) + "'");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw usage("server URL must be a base URL, without ?query or #fragment");
    }
    return url;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
