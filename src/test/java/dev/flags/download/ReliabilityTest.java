package dev.flags.download;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.flags.outcome.Cause;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retries, timeouts, body validation, redirects, deadline, cancellation and skipping, each proven
 * against WireMock on both ways a strategy can drive {@link DownloadOne}: a blocking {@code
 * download(cc)}, and enqueued calls ({@code downloadAsync(cc, ...)}).
 */
class ReliabilityTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();

  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private DownloadOne downloadOne;

  /** The two ways strategies drive the per-flag work. */
  enum Way {
    BLOCKING,
    ENQUEUED;

    FlagResult fetch(DownloadOne one, String cc) throws Exception {
      if (this == BLOCKING) {
        return one.download(cc);
      }
      return one.downloadAsync(cc, step -> Thread.ofVirtual().start(step))
          .get(60, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void close() {
    if (downloadOne != null) {
      downloadOne.close();
    }
  }

  private DownloadOne open(UnaryOperator<RunSpecBuilder> spec) {
    return open(spec.apply(FlagStubs.spec(stubs.baseUrl(), dest)));
  }

  private DownloadOne open(RunSpecBuilder spec) {
    downloadOne = DownloadOne.open(spec.build());
    return downloadOne;
  }

  private FlagResult fetch(Way way, String cc) throws Exception {
    if (downloadOne == null) {
      open(s -> s);
    }
    return way.fetch(downloadOne, cc);
  }

  private CompletableFuture<FlagResult> inBackground(Way way, String cc) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return way.fetch(downloadOne, cc);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private List<String> files() throws IOException {
    try (var list = Files.list(dest)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // 1, 2: reasons, retries, attempts

  @ParameterizedTest
  @EnumSource(Way.class)
  void aServerErrorIsRetriedThenReportedWithItsStatus(Way way) throws Exception {
    stubs.status("JP", 503);
    FlagResult result = fetch(way, "JP");
    assertThat(result.status()).isEqualTo(FlagStatus.ERROR);
    assertThat(result.error()).isEqualTo("HTTP 503 Service Unavailable");
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(stubs.requestsFor("JP")).isEqualTo(3);
    assertThat(result.verboseLine())
        .isEqualTo("JP error: HTTP 503 Service Unavailable (3 attempts)");
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void everyTransientFailureIsRetriedUntilTheFlagArrives(Way way) throws Exception {
    stubs.sequence(
        "BR",
        aResponse().withStatus(503),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        FlagStubs.truncatedGif("BR"),
        aResponse().withStatus(429).withHeader("Retry-After", "0"),
        aResponse().withStatus(408),
        aResponse().withStatus(500),
        FlagStubs.okGif("BR"));
    open(s -> s.retries(6));
    FlagResult result = fetch(way, "BR");
    assertThat(result.status()).as(result.error()).isEqualTo(FlagStatus.OK);
    assertThat(result.attempts()).isEqualTo(7);
    assertThat(stubs.requestsFor("BR")).isEqualTo(7);
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));
    assertThat(files()).containsExactly("br.gif");
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aChunkedBodyBrokenMidStreamIsRetriedLikeATruncatedOne(Way way) throws Exception {
    stubs.sequence(
        "BR", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), FlagStubs.okGif("BR"));
    FlagResult saved = fetch(way, "BR");
    assertThat(saved.status()).as(saved.error()).isEqualTo(FlagStatus.OK);
    assertThat(saved.attempts()).isEqualTo(2);
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));

    stubs.fault("JP", Fault.MALFORMED_RESPONSE_CHUNK);
    open(s -> s.retries(0));
    FlagResult broken = fetch(way, "JP");
    assertThat(broken.error()).matches("broken body \\(after \\d+ bytes\\)");
    assertThat(broken.cause()).containsInstanceOf(Cause.BrokenBody.class);
    assertThat(files()).containsExactly("br.gif");
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void randomBytesInsteadOfAResponseAreNotHttpAndRetried(Way way) throws Exception {
    stubs.sequence(
        "BR", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), FlagStubs.okGif("BR"));
    FlagResult saved = fetch(way, "BR");
    assertThat(saved.status()).as(saved.error()).isEqualTo(FlagStatus.OK);
    assertThat(saved.attempts()).isEqualTo(2);
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));

    stubs.fault("JP", Fault.RANDOM_DATA_THEN_CLOSE);
    open(s -> s.retries(0));
    FlagResult garbage = fetch(way, "JP");
    assertThat(garbage.error()).isEqualTo("bad response: not HTTP");
    assertThat(files()).containsExactly("br.gif");
  }

  @Test
  void attemptsCountEveryRequestEvenWhereOkHttpWouldRetryByItself() throws Exception {
    // OkHttp repeats a 503 with "Retry-After: 0" once on its own; our count must still be exact.
    stubs.stub("JP", aResponse().withStatus(503).withHeader("Retry-After", "0"));
    FlagResult result = fetch(Way.BLOCKING, "JP");
    assertThat(result.attempts()).isEqualTo(3).isEqualTo(stubs.requestsFor("JP"));
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void clientErrorsAreNeverRetried(Way way) throws Exception {
    stubs.status("QQ", 404);
    stubs.status("XA", 400);
    stubs.status("XB", 403);
    stubs.status("XC", 418);
    assertThat(fetch(way, "QQ").status()).isEqualTo(FlagStatus.NOT_FOUND);
    for (String cc : List.of("XA", "XB", "XC")) {
      FlagResult result = fetch(way, cc);
      assertThat(result.status()).isEqualTo(FlagStatus.ERROR);
      assertThat(result.attempts()).isEqualTo(1);
    }
    for (String cc : List.of("QQ", "XA", "XB", "XC")) {
      assertThat(stubs.requestsFor(cc)).as(cc).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aResetIsNamedAndRetried(Way way) throws Exception {
    stubs.fault("ZZ", Fault.CONNECTION_RESET_BY_PEER);
    FlagResult result = fetch(way, "ZZ");
    assertThat(result.error()).isEqualTo("connection reset");
    assertThat(result.attempts()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aRefusedConnectionIsNamedAndRetried(Way way) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nobody listens there
    }
    downloadOne = open(FlagStubs.spec("http://127.0.0.1:" + port + "/flags", dest).retries(1));
    FlagResult result = way.fetch(downloadOne, "BR");
    assertThat(result.error()).isEqualTo("connection refused");
    assertThat(result.attempts()).isEqualTo(2);
  }

  // 3: timeouts

  @ParameterizedTest
  @EnumSource(Way.class)
  void aSlowAnswerTimesOutAndSaysAfterHowLong(Way way) throws Exception {
    stubs.stub("JP", FlagStubs.okGif("JP").withFixedDelay(3_000));
    open(s -> s.timeoutSeconds(0.3).retries(1));
    FlagResult result = fetch(way, "JP");
    assertThat(result.error()).matches("timed out after 0\\.[34] s");
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(files()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void theTimeoutBoundsTheWholeRequestNotEachRead(Way way) throws Exception {
    // Each chunk comes well within the timeout, but the whole body takes 3 s.
    stubs.stub("JP", FlagStubs.okGif("JP").withChunkedDribbleDelay(15, 3_000));
    open(s -> s.timeoutSeconds(0.6).retries(0));
    FlagResult result = fetch(way, "JP");
    assertThat(result.error()).matches("timed out after 0\\.[67] s");
    assertThat(files()).isEmpty();
  }

  // 4, 5: body validation; nothing lost

  @ParameterizedTest
  @EnumSource(Way.class)
  void aTruncatedBodyIsRetriedThenReportedWithItsSizes(Way way) throws Exception {
    stubs.truncated("BR");
    byte[] good = FlagStubs.gif("JP");
    Files.write(dest.resolve("br.gif"), good);
    int length = FlagStubs.gif("BR").length;
    FlagResult result = fetch(way, "BR");
    assertThat(result.error())
        .isEqualTo("body truncated (" + length / 2 + " of " + length + " bytes)");
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(files()).containsExactly("br.gif");
    assertThat(dest.resolve("br.gif")).hasBinaryContent(good);
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void htmlWithStatus200IsNotAGifAndNotRetried(Way way) throws Exception {
    stubs.stub(
        "BR",
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body>Welcome to the captive portal</body></html>"));
    FlagResult result = fetch(way, "BR");
    assertThat(result.error()).isEqualTo("not a GIF");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(files()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aBodyOverMaxBytesIsRefusedFromItsContentLength(Way way) throws Exception {
    stubs.ok("BR");
    open(s -> s.maxBytes(1000));
    FlagResult result = fetch(way, "BR");
    assertThat(result.error()).isEqualTo("too large (more than 1000 bytes)");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(files()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void readingStopsAsSoonAsMaxBytesIsExceeded(Way way) throws Exception {
    // No Content-Length (chunked), 4 MB dribbled over 20 s: only stopping early can beat the
    // 10 s timeout.
    byte[] huge = new byte[4 * 1024 * 1024];
    System.arraycopy("GIF89a".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 6);
    stubs.stub(
        "BR", aResponse().withStatus(200).withBody(huge).withChunkedDribbleDelay(100, 20_000));
    open(s -> s.maxBytes(1000).timeoutSeconds(10));
    FlagResult result = fetch(way, "BR");
    assertThat(result.error()).isEqualTo("too large (more than 1000 bytes)");
    assertThat(result.ms()).isLessThan(10_000);
    assertThat(files()).isEmpty();
  }

  @Test
  void aBodyLongerThanItsContentLengthIsAnError() throws Exception {
    // A server that declares 10 bytes and sends 64 in chunks: WireMock will not send such a thing,
    // so a raw socket does, once.
    byte[] gif = FlagStubs.gif("BR");
    try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                try (var socket = server.accept()) {
                  socket.getInputStream().read(new byte[8192]);
                  var out = socket.getOutputStream();
                  out.write(
                      """
                      HTTP/1.1 200 OK\r
                      Content-Length: 10\r
                      Transfer-Encoding: chunked\r
                      Connection: close\r
                      \r
                      40\r
                      """
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(gif, 0, 64);
                  out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  // the test's assertions say what went wrong
                }
              });
      downloadOne =
          open(
              FlagStubs.spec("http://127.0.0.1:" + server.getLocalPort() + "/flags", dest)
                  .retries(0));
      FlagResult result = downloadOne.download("BR");
      assertThat(result.error()).isEqualTo("body longer than Content-Length (64 of 10 bytes)");
      assertThat(files()).isEmpty();
    }
  }

  // 2: Retry-After

  @Test
  void retryAfterIsHonoured() throws Exception {
    stubs.sequence(
        "BR", aResponse().withStatus(429).withHeader("Retry-After", "1"), FlagStubs.okGif("BR"));
    FlagResult result = fetch(Way.BLOCKING, "BR");
    assertThat(result.status()).isEqualTo(FlagStatus.OK);
    assertThat(result.attempts()).isEqualTo(2);
    List<Instant> times =
        wireMock.getAllServeEvents().stream()
            .map(ServeEvent::getRequest)
            .map(r -> r.getLoggedDate().toInstant())
            .sorted(Comparator.naturalOrder())
            .toList();
    assertThat(Duration.between(times.get(0), times.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void retryAfterIsCapped(Way way) throws Exception {
    stubs.sequence(
        "BR", aResponse().withStatus(503).withHeader("Retry-After", "3600"), FlagStubs.okGif("BR"));
    open(s -> s.maxRetryWaitSeconds(0.05));
    FlagResult result = fetch(way, "BR"); // an hour's wait would time the test out
    assertThat(result.status()).isEqualTo(FlagStatus.OK);
    assertThat(result.attempts()).isEqualTo(2);
  }

  // 10: redirects

  private void redirectChain(String cc, int hops) {
    String target = FlagStubs.flagPath(cc);
    for (int i = hops; i >= 1; i--) {
      String from = i == 1 ? target : "/hop/" + cc + "/" + (i - 1);
      String to = "/hop/" + cc + "/" + i;
      wireMock.stubFor(
          get(urlEqualTo(from)).willReturn(aResponse().withStatus(302).withHeader("Location", to)));
    }
    wireMock.stubFor(get(urlEqualTo("/hop/" + cc + "/" + hops)).willReturn(FlagStubs.okGif(cc)));
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void fiveRedirectsAreFollowedButNotSix(Way way) throws Exception {
    redirectChain("BR", 5);
    redirectChain("JP", 6);
    FlagResult five = fetch(way, "BR");
    assertThat(five.status()).as(five.error()).isEqualTo(FlagStatus.OK);
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));
    FlagResult six = fetch(way, "JP");
    assertThat(six.error()).isEqualTo("too many redirects (more than 5)");
    assertThat(six.attempts()).isEqualTo(1);
  }

  // 3: the run's deadline

  @ParameterizedTest
  @EnumSource(Way.class)
  void theDeadlineCutsACallInFlightAndStopsLaterOnesBeforeAnyRequest(Way way) throws Exception {
    stubs.stub("BR", FlagStubs.okGif("BR").withFixedDelay(5_000));
    stubs.ok("JP");
    open(s -> s.deadlineSeconds(0.5).timeoutSeconds(10));
    FlagResult cut = fetch(way, "BR");
    assertThat(cut.error()).isEqualTo("deadline");
    FlagResult late = fetch(way, "JP");
    assertThat(late.error()).isEqualTo("deadline");
    assertThat(late.attempts()).isZero();
    assertThat(stubs.requestsFor("JP")).isZero();
    assertThat(files()).isEmpty();
  }

  // 7: cancellation (what Ctrl-C does)

  @ParameterizedTest
  @EnumSource(Way.class)
  void cancelStopsACallInFlightAndLaterOnesBeforeAnyRequest(Way way) throws Exception {
    stubs.stub("BR", FlagStubs.okGif("BR").withFixedDelay(30_000));
    stubs.ok("JP");
    open(s -> s);
    CompletableFuture<FlagResult> inFlight = inBackground(way, "BR");
    await().atMost(Duration.ofSeconds(10)).until(() -> stubs.requestsFor("BR") == 1);
    downloadOne.cancel();
    FlagResult cut = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(cut.error()).isEqualTo("interrupted");
    FlagResult late = fetch(way, "JP");
    assertThat(late.error()).isEqualTo("interrupted");
    assertThat(stubs.requestsFor("JP")).isZero();
    assertThat(files()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void cancelEndsABackoffWait(Way way) throws Exception {
    stubs.stub("BR", aResponse().withStatus(503).withHeader("Retry-After", "60"));
    open(s -> s.maxRetryWaitSeconds(60));
    CompletableFuture<FlagResult> waiting = inBackground(way, "BR");
    await().atMost(Duration.ofSeconds(10)).until(() -> stubs.requestsFor("BR") == 1);
    downloadOne.cancel();
    FlagResult result = waiting.get(10, TimeUnit.SECONDS); // not 60 s
    assertThat(result.error()).isEqualTo("interrupted");
    assertThat(result.attempts()).isEqualTo(1);
  }

  // 6: skip-existing and conditional GET

  @ParameterizedTest
  @EnumSource(Way.class)
  void skipExistingMakesNoRequestForAFlagAlreadySaved(Way way) throws Exception {
    stubs.ok("BR");
    stubs.ok("JP");
    byte[] old = FlagStubs.gif("CN");
    Files.write(dest.resolve("br.gif"), old);
    Files.write(dest.resolve("jp.gif"), new byte[0]); // damaged: does not count
    open(s -> s.skipExisting(true));
    FlagResult br = fetch(way, "BR");
    assertThat(br.status()).isEqualTo(FlagStatus.OK);
    assertThat(br.skipped()).isTrue();
    assertThat(br.verboseLine()).isEqualTo("BR OK (already saved)");
    assertThat(stubs.requestsFor("BR")).isZero();
    assertThat(dest.resolve("br.gif")).hasBinaryContent(old);
    FlagResult jp = fetch(way, "JP");
    assertThat(jp.skipped()).isFalse();
    assertThat(dest.resolve("jp.gif")).hasBinaryContent(FlagStubs.gif("JP"));
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void updateAsksOnlyForANewerFlagAndKeepsTheServersTime(Way way) throws Exception {
    String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
    stubs.stub("BR", FlagStubs.okGif("BR").withHeader("Last-Modified", lastModified));
    open(s -> s.update(true));
    FlagResult first = fetch(way, "BR");
    assertThat(first.skipped()).isFalse();
    assertThat(Files.getLastModifiedTime(dest.resolve("br.gif")).toInstant())
        .isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));

    wireMock.stubFor(
        get(urlEqualTo(FlagStubs.flagPath("BR")))
            .withHeader(
                "If-Modified-Since",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(lastModified))
            .willReturn(aResponse().withStatus(304)));
    FlagResult second = fetch(way, "BR");
    assertThat(second.status()).isEqualTo(FlagStatus.OK);
    assertThat(second.skipped()).isTrue();
    assertThat(second.attempts()).isEqualTo(1);
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));
  }

  @Test
  void a304WithoutAConditionalRequestIsAnError() throws Exception {
    stubs.status("BR", 304);
    FlagResult result = fetch(Way.BLOCKING, "BR");
    assertThat(result.status()).isEqualTo(FlagStatus.ERROR);
    assertThat(result.error()).isEqualTo("HTTP 304 Not Modified");
  }
}
