package dev.flags.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flags.country.Countries;
import dev.flags.http.HttpDates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlagServerTest {
  private static FlagServer server;
  private static final OkHttpClient client = new OkHttpClient();

  @BeforeAll
  static void start() throws IOException {
    server = FlagServer.start("127.0.0.1", 0, new GeneratedFlags());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Response get(String path) throws IOException {
    return client.newCall(new Request.Builder().url(server.baseUrl() + path).build()).execute();
  }

  @Test
  void anIpv6BaseUrlIsInItsShortFormAndWorks() throws IOException {
    assumeTrue(Files.exists(Path.of("/proc/net/if_inet6")), "needs IPv6");
    try (FlagServer ipv6 = FlagServer.start("::1", 0, new GeneratedFlags())) {
      assertThat(ipv6.baseUrl()).isEqualTo("http://[::1]:" + ipv6.port() + "/flags");
      try (Response response =
          client
              .newCall(new Request.Builder().url(ipv6.baseUrl() + "/br/br.gif").build())
              .execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
    }
  }

  @Test
  void servesGeneratedGifs() throws IOException {
    try (Response response = get("/br/br.gif")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo("image/gif");
      assertThat(response.body().bytes())
          .isEqualTo(FlagGif.generate(Countries.byCode("BR").orElseThrow()));
    }
  }

  @Test
  void servesMetadataLikeTheBook() throws IOException {
    try (Response response = get("/br/metadata.json")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      assertThat(response.body().string())
          .isEqualTo(
              "{\"tld_cc\":\".br\",\"iso_cc\":\"BR\",\"country\":\"Brazil\",\"gec_cc\":\"BR\"}");
    }
  }

  @Test
  void unknownCodesAndPathsAre404() throws IOException {
    for (String path : new String[] {"/qq/qq.gif", "/br/xx.gif", "/BR/BR.gif", "/br", "/../x"}) {
      try (Response response = get(path)) {
        assertThat(response.code()).as(path).isEqualTo(404);
      }
    }
  }

  @Test
  void keepsTheConnectionAliveAcrossRequests() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = socket.getOutputStream();
      String request = "GET /flags/jp/jp.gif HTTP/1.1\r\nHost: x\r\n\r\n";
      out.write((request + request).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      int expected = FlagGif.generate(Countries.byCode("JP").orElseThrow()).length;
      for (int i = 0; i < 2; i++) {
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200 OK").contains("Content-Length: " + expected);
        assertThat(in.readNBytes(expected)).hasSize(expected);
      }
    }
  }

  @Test
  void answersGarbageWith400() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 400");
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  private static Response get(String path, String ifModifiedSince) throws IOException {
    return client
        .newCall(
            new Request.Builder()
                .url(server.baseUrl() + path)
                .header("If-Modified-Since", ifModifiedSince)
                .build())
        .execute();
  }

  @Test
  void answersConditionalGetsWith304WhenTheFlagHasNotChanged() throws IOException {
    String modified = HttpDates.format(GeneratedFlags.LAST_MODIFIED);
    try (Response response = get("/br/br.gif")) {
      assertThat(response.header("Last-Modified")).isEqualTo(modified);
    }
    for (String since : new String[] {modified, "Fri, 01 Jan 2100 00:00:00 GMT"}) {
      try (Response response = get("/br/br.gif", since)) {
        assertThat(response.code()).as(since).isEqualTo(304);
        assertThat(response.header("Last-Modified")).isEqualTo(modified);
        assertThat(response.body().bytes()).isEmpty();
      }
    }
    String older = HttpDates.format(GeneratedFlags.LAST_MODIFIED.minusSeconds(1));
    for (String since : new String[] {older, "yesterday"}) {
      try (Response response = get("/br/br.gif", since)) {
        assertThat(response.code()).as(since).isEqualTo(200);
        assertThat(response.body().bytes())
            .isEqualTo(FlagGif.generate(Countries.byCode("BR").orElseThrow()));
      }
    }
    try (Response response = get("/qq/qq.gif", modified)) {
      assertThat(response.code()).isEqualTo(404);
    }
  }
}
