package dev.flags.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxies from the environment, read as curl reads them, so that {@code flags} behind a corporate
 * proxy works with the variables a CI runner already has:
 *
 * <ul>
 *   <li>{@code http_proxy} for http, in lower case only (curl ignores {@code HTTP_PROXY}: a CGI
 *       program gets a request's {@code Proxy:} header under that name, "httpoxy");
 *   <li>{@code https_proxy} or {@code HTTPS_PROXY} for https;
 *   <li>{@code all_proxy} or {@code ALL_PROXY} for a scheme that has none of its own;
 *   <li>{@code no_proxy} or {@code NO_PROXY}: see {@link NoProxy}. As in curl, nothing is exempt by
 *       default, not even {@code localhost}.
 * </ul>
 *
 * A proxy is {@code [http://][user:password@]host[:port]} (port 1080 by default, as curl's) or
 * {@code socks4://}/{@code socks5://}. The user and password are percent-decoded, as curl does
 * ({@code p%40ss} is {@code p@ss}), and {@link ProxyCredentials} sends them to an HTTP proxy; they
 * are never logged: a setting is shown with {@code ***} in their place. Where the JVM was given a
 * proxy explicitly ({@code -Dhttp.proxyHost}, {@code -Dhttps.proxyHost}, {@code -DsocksProxyHost}),
 * that one wins: the JDK's own selector decides, as it did before. Process-pool workers inherit the
 * environment, so they choose the same. {@code -v} logs the proxy each host is reached through,
 * once.
 */
public final class EnvProxies extends ProxySelector {
  private static final int DEFAULT_PORT = 1080;

  private final Map<String, String> env;
  private final ProxySelector explicit;
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  EnvProxies(Map<String, String> env, ProxySelector explicit) {
    this.env = env;
    this.explicit = explicit;
  }

  /** The selector for this process: its environment, and the JDK's own for {@code -D} settings. */
  public static EnvProxies fromEnvironment() {
    return new EnvProxies(System.getenv(), ProxySelector.getDefault());
  }

  @Override
  public List<Proxy> select(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (explicitlySet(scheme) && explicit != null) {
      List<Proxy> chosen = explicit.select(uri);
      log(uri, chosen.getFirst(), "the JVM's -D proxy settings");
      return chosen;
    }
    Optional<Variable> variable = variableFor(scheme);
    Optional<Proxy> proxy = variable.flatMap(this::proxy);
    if (proxy.isEmpty()) {
      return List.of(Proxy.NO_PROXY);
    }
    if (NoProxy.parse(first("no_proxy", "NO_PROXY").map(Variable::value).orElse(""))
        .matches(uri.getHost())) {
      log(uri, Proxy.NO_PROXY, "no_proxy");
      return List.of(Proxy.NO_PROXY);
    }
    log(uri, proxy.get(), variable.get().name());
    return List.of(proxy.get());
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // Nothing to remember: there is one proxy per scheme, and the retry rules decide what next.
  }

  private boolean explicitlySet(String scheme) {
    return Stream.of(scheme + ".proxyHost", "socksProxyHost")
        .map(System::getProperty)
        .anyMatch(host -> host != null && !host.isEmpty());
  }

  /** The variable that names the proxy for {@code scheme}, in curl's order. */
  private Optional<Variable> variableFor(String scheme) {
    Optional<Variable> own =
        scheme.equals("http") ? first("http_proxy") : first("https_proxy", "HTTPS_PROXY");
    return own.or(() -> first("all_proxy", "ALL_PROXY"));
  }

  /** The first of these variables that is set and not empty. */
  private Optional<Variable> first(String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(new Variable(name, value.strip()));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code host:port}, {@code http://host:port/}, {@code socks5://host}: the proxy it names; empty,
   * with a warning, if it names none that can be used (the run then goes direct, and says why).
   */
  private Optional<Proxy> proxy(Variable variable) {
    try {
      return Optional.of(parse(variable.value()));
    } catch (IllegalArgumentException | URISyntaxException e) {
      if (logged.add(variable.name())) {
        Log.LOG.warn(
            "{}={}: {}; ignored",
            variable.name(),
            redact(variable.value()),
            redact(String.valueOf(e.getMessage())));
      }
      return Optional.empty();
    }
  }

  static Proxy parse(String value) throws URISyntaxException {
    URI uri = new URI(value.contains("://") ? value : "http://" + value);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    Proxy.Type type =
        switch (scheme) {
          case "http" -> Proxy.Type.HTTP;
          case "socks4", "socks4a", "socks5", "socks5h" -> Proxy.Type.SOCKS;
          default ->
              throw new IllegalArgumentException("a " + scheme + ":// proxy is not supported");
        };
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("no host name");
    }
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    return new Proxy(type, InetSocketAddress.createUnresolved(host, port));
  }

  /**
   * The user and password that the environment gives {@code proxy}, as a {@code Basic} header
   * value: from the first proxy variable, in curl's order, that names this proxy with {@code
   * user:password@}.
   */
  Optional<String> basicCredentials(Proxy proxy) {
    for (String name :
        List.of("http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
      Optional<Variable> variable = first(name);
      Optional<String> credentials =
          variable.flatMap(v -> userInfo(v.value())).filter(info -> names(variable.get(), proxy));
      if (credentials.isPresent()) {
        return credentials.map(EnvProxies::basic);
      }
    }
    return Optional.empty();
  }

  private boolean names(Variable variable, Proxy proxy) {
    try {
      return parse(variable.value()).equals(proxy);
    } catch (IllegalArgumentException | URISyntaxException e) {
      return false;
    }
  }

  /** The raw {@code user:password} of a proxy setting, if it has one. */
  private static Optional<String> userInfo(String value) {
    try {
      URI uri = new URI(value.contains("://") ? value : "http://" + value);
      return Optional.ofNullable(uri.getRawUserInfo());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** {@code Basic base64(user:password)}, each part percent-decoded as curl decodes them. */
  private static String basic(String rawUserInfo) {
    int colon = rawUserInfo.indexOf(':');
    String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
    String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
    return okhttp3.Credentials.basic(decode(user), decode(password), StandardCharsets.UTF_8);
  }

  /** Percent-decoding only: a {@code +} stays a plus, as in curl (URLDecoder alone would not). */
  static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * The setting, or any text that quotes it, with {@code ***} for its user and password: what may
   * be shown in logs and messages.
   */
  static String redact(String text) {
    return text.replaceAll("(^|\\s)(\\w[\\w+.-]*://)?\\S*@", "$1$2***@");
  }

  /** Once per host and port: which proxy it is reached through, and which setting said so. */
  private void log(URI uri, Proxy proxy, String source) {
    String target = uri.getHost() + ":" + uri.getPort();
    if (logged.add(target)) {
      Log.LOG.info(
          "{} {} ({})",
          target,
          proxy.type() == Proxy.Type.DIRECT ? "directly" : "through proxy " + describe(proxy),
          source);
    }
  }

  private static String describe(Proxy proxy) {
    InetSocketAddress address = (InetSocketAddress) proxy.address();
    String scheme = proxy.type() == Proxy.Type.SOCKS ? "socks://" : "http://";
    return scheme + address.getHostString() + ":" + address.getPort();
  }

  /** An environment variable's name and value. */
  record Variable(String name, String value) {}

  /** The logger, made only when a proxy is in play. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(EnvProxies.class);
  }
}
