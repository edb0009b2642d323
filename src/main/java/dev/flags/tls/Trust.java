package dev.flags.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Sets up an OkHttp client's TLS as {@link TrustSettings} say: the system's CAs plus the {@code
 * --cacert} files in one trust store, or (with {@code -k}) no check of the certificate or the host
 * name. Called only when a client is built for https: a plain-http run never builds an SSLContext
 * (a start-up lever: see the package doc of {@code dev.flags}).
 */
public final class Trust {
  private Trust() {}

  /**
   * Applies {@code settings} to {@code builder}; OkHttp's defaults stand for {@link
   * TrustSettings#SYSTEM}.
   */
  public static OkHttpClient.Builder apply(TrustSettings settings, OkHttpClient.Builder builder) {
    if (settings.insecure()) {
      X509TrustManager anyone = new TrustAnyone();
      return builder
          .sslSocketFactory(context(anyone).getSocketFactory(), anyone)
          .hostnameVerifier((host, session) -> true);
    }
    if (settings.caFiles().isEmpty()) {
      return builder;
    }
    X509TrustManager trusted = trustManager(settings.caFiles());
    return builder.sslSocketFactory(context(trusted).getSocketFactory(), trusted);
  }

  /** One trust manager for the system's CAs and every certificate in {@code caFiles}. */
  static X509TrustManager trustManager(List<String> caFiles) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      List<X509Certificate> anchors = new ArrayList<>(List.of(system().getAcceptedIssuers()));
      for (String file : caFiles) {
        anchors.addAll(Pem.certificates(Path.of(file)));
      }
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("ca-" + i, anchors.get(i));
      }
      return first(factory(store).getTrustManagers());
    } catch (IOException e) {
      // Checked on the command line already; a file changed since is this run's failure.
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS trust", e);
    }
  }

  private static X509TrustManager system() throws GeneralSecurityException {
    return first(factory(null).getTrustManagers());
  }

  private static TrustManagerFactory factory(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private static X509TrustManager first(TrustManager[] managers) {
    for (TrustManager manager : managers) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK has no X.509 trust manager");
  }

  private static SSLContext context(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS", e);
    }
  }

  /**
   * {@code -k}: accepts any certificate. Extended, so that the JDK does not wrap it with checks of
   * its own (host name, algorithm constraints) that {@code -k} is meant to skip.
   */
  private static final class TrustAnyone extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
