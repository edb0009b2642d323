package dev.flags.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The environment's proxy variables, read as curl documents them. */
class EnvProxiesTest {

  private static String chosen(Map<String, String> env, String url) {
    Proxy proxy =
        new EnvProxies(env, ProxySelector.getDefault()).select(URI.create(url)).getFirst();
    if (proxy.type() == Proxy.Type.DIRECT) {
      return "direct";
    }
    InetSocketAddress address = (InetSocketAddress) proxy.address();
    return proxy.type() + " " + address.getHostString() + ":" + address.getPort();
  }

  @Test
  void eachSchemeHasItsVariableAndAllProxyIsTheFallback() {
    Map<String, String> env =
        Map.of(
            "http_proxy", "http://web:3128",
            "HTTPS_PROXY", "secure:8443",
            "ALL_PROXY", "socks5://socks");
    assertThat(chosen(env, "http://example.com/flags")).isEqualTo("HTTP web:3128");
    assertThat(chosen(env, "https://example.com/flags")).isEqualTo("HTTP secure:8443");
    assertThat(chosen(Map.of("all_proxy", "any"), "http://example.com/"))
        .isEqualTo("HTTP any:1080");
    assertThat(chosen(Map.of("ALL_PROXY", "socks5h://s:9"), "https://e.org/"))
        .isEqualTo("SOCKS s:9");
  }

  @Test
  void upperCaseHttpProxyIsIgnoredAsCurlDoes() {
    assertThat(chosen(Map.of("HTTP_PROXY", "http://web:3128"), "http://example.com/"))
        .isEqualTo("direct");
  }

  @Test
  void lowerCaseWinsAndEmptyMeansUnset() {
    Map<String, String> env = Map.of("https_proxy", "lower:1", "HTTPS_PROXY", "upper:2");
    assertThat(chosen(env, "https://example.com/")).isEqualTo("HTTP lower:1");
    Map<String, String> empty = Map.of("https_proxy", "", "HTTPS_PROXY", "upper:2");
    assertThat(chosen(empty, "https://example.com/")).isEqualTo("HTTP upper:2");
  }

  @Test
  void noProxyExemptsAndLoopbackIsNotExemptByDefault() {
    Map<String, String> env =
        Map.of("http_proxy", "web:3128", "NO_PROXY", ".example.com, 10.0.0.0/8");
    assertThat(chosen(env, "http://www.example.com/")).isEqualTo("direct");
    assertThat(chosen(env, "http://10.1.2.3:8000/")).isEqualTo("direct");
    assertThat(chosen(env, "http://127.0.0.1:8000/")).isEqualTo("HTTP web:3128");
    assertThat(chosen(env, "http://localhost:8000/")).isEqualTo("HTTP web:3128");
  }

  @Test
  void aProxyThatCannotBeUsedIsIgnored() {
    assertThat(chosen(Map.of("http_proxy", "https://tls-proxy:443"), "http://example.com/"))
        .isEqualTo("direct");
    assertThat(chosen(Map.of("http_proxy", "http://"), "http://example.com/")).isEqualTo("direct");
  }

  @Test
  void ipv6ProxiesLoseTheirBrackets() {
    assertThat(chosen(Map.of("http_proxy", "http://[::1]:3128"), "http://example.com/"))
        .isEqualTo("HTTP ::1:3128");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "*|anything.org|true",
        "example.com|example.com|true",
        "example.com|www.example.com|true",
        "example.com|notexample.com|false",
        ".example.com|example.com|true",
        ".example.com|www.Example.COM|true",
        "example.com|example.com.org|false",
        "localhost|localhost|true",
        "localhost|127.0.0.1|false",
        "127.0.0.1|127.0.0.1|true",
        "127.0.0.0/8|127.9.9.9|true",
        "192.168.0.0/16|192.169.0.1|false",
        "::1|[::1]|true",
        "::1|[0:0:0:0:0:0:0:1]|true",
        "a.com, b.com|b.com|true",
        "''|example.com|false"
      })
  void noProxyMatchesAsCurlDoes(String list, String host, boolean direct) {
    assertThat(NoProxy.parse(list).matches(host)).isEqualTo(direct);
  }

  @Test
  void credentialsArePercentDecodedAndGoToTheProxyTheyNameOnly() {
    Map<String, String> env =
        Map.of(
            "http_proxy", "http://al%40ice:p%3Ass+w%C3%B6rd@web:3128",
            "https_proxy", "secure:8443",
            "ALL_PROXY", "bob:secret@any:9");
    EnvProxies proxies = new EnvProxies(env, ProxySelector.getDefault());
    assertThat(proxies.basicCredentials(proxy("web", 3128)))
        .contains(okhttp3.Credentials.basic("al@ice", "p:ss+wörd", StandardCharsets.UTF_8));
    assertThat(proxies.basicCredentials(proxy("secure", 8443))).isEmpty();
    assertThat(proxies.basicCredentials(proxy("any", 9)))
        .contains(okhttp3.Credentials.basic("bob", "secret", StandardCharsets.UTF_8));
    // The proxy is still chosen by host and port, credentials or not.
    assertThat(chosen(env, "http://example.com/")).isEqualTo("HTTP web:3128");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://user:s3cret@proxy:3128|http://***@proxy:3128",
        "user:s3cret@proxy|***@proxy",
        "http://user:pa/s3cret@proxy:3128|http://***@proxy:3128",
        "Illegal character in user info at index 9: http://u:s3cret^@p|"
            + "Illegal character in user info at index 9: http://***@p",
        "http://proxy:3128|http://proxy:3128"
      })
  void redactionHidesTheUserAndPassword(String text, String shown) {
    assertThat(EnvProxies.redact(text)).isEqualTo(shown).doesNotContain("s3cret");
  }

  private static Proxy proxy(String host, int port) {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }
}
