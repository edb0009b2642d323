package dev.flags.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flags.country.Countries;
import dev.flags.country.Country;
import dev.flags.http.HttpClients;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The flag server's delays, errors and faults, as a real HTTP client sees them. */
class ChaosServerTest {
  private static final OkHttpClient client = HttpClients.create(50, Duration.ofSeconds(20));
  private static final byte[] BR = FlagGif.generate(Countries.byCode("BR").orElseThrow());

  @AfterAll
  static void shutdownClient() {
    HttpClients.shutdown(client);
  }

  private static FlagServer start(Chaos chaos) throws IOException {
    return FlagServer.start("127.0.0.1", 0, new GeneratedFlags(), chaos, RequestLog.IGNORE);
  }

  private static Response get(OkHttpClient client, FlagServer server, String path)
      throws IOException {
    return client.newCall(new Request.Builder().url(server.baseUrl() + path).build()).execute();
  }

  private static Chaos always(Fault fault) {
    return Chaos.NONE.withFaults(Map.of(fault, 1.0));
  }

  @Test
  void aDelayHoldsTheAnswerBackAtLeastThatLong() throws IOException {
    try (FlagServer server = start(Chaos.NONE.withDelay(Delay.fixed(300)))) {
      long start = System.nanoTime();
      try (Response response = get(client, server, "/br/br.gif")) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().bytes()).isEqualTo(BR);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ms(300));
      start = System.nanoTime();
      try (Response response = get(client, server, "/qq/qq.gif")) {
        assertThat(response.code()).isEqualTo(404);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ms(300));
    }
  }

  /**
   * Connection A asks for a path the seed delays by more than 30 s, after a quick first request
   * that shows the server is reading A; then connection B gets a quickly-answered path while A is
   * still waiting. A server whose delays held each other up would keep B waiting behind A.
   */
  @Test
  @SuppressWarnings("try") // closes a early on purpose: the pool's close would wait for it
  void aLongDelayHoldsUpOnlyItsOwnConnection() throws Exception {
    Chaos chaos = Chaos.NONE.withDelay(new Delay(0, 60_000)).withSeed(3);
    List<String> quick = pathsDelayed(chaos, 0, 300);
    String slow = pathsDelayed(chaos, 30_000, 60_000).getFirst();
    try (FlagServer server = start(chaos);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        RawHttp a = RawHttp.connect(server.port());
        RawHttp b = RawHttp.connect(server.port())) {
      assertThat(a.get(quick.get(0)).status()).isIn(200, 404);
      Future<RawHttp.Answer> slowAnswer = pool.submit(() -> a.get(slow));
      assertThat(b.get(quick.get(1)).status()).isIn(200, 404);
      assertThat(slowAnswer).isNotDone();
      a.close(); // lets the pool end without waiting for the slow answer
    }
  }

  /** Paths whose first request {@code chaos} delays between {@code minMs} and {@code maxMs}. */
  private static List<String> pathsDelayed(Chaos chaos, long minMs, long maxMs) {
    List<String> paths = new ArrayList<>();
    for (String code : Countries.everyCode()) {
      String cc = code.toLowerCase(Locale.ROOT);
      String path = "/flags/" + cc + "/" + cc + ".gif";
      long delay = chaos.decide(path, 0).delayMs();
      if (delay >= minMs && delay <= maxMs) {
        paths.add(path);
      }
    }
    assertThat(paths).hasSizeGreaterThanOrEqualTo(2);
    return paths;
  }

  @Test
  void theErrorRateHoldsOverManyRequestsAndRepeatsWithTheSeed() throws IOException {
    Chaos chaos = Chaos.NONE.withErrors(0.25, 418).withSeed(20_260_101);
    List<Integer> first = statuses(chaos, 10);
    List<Integer> second = statuses(chaos, 10);
    long errors = first.stream().filter(s -> s == 418).count();
    assertThat(first).hasSize(1940).containsOnly(200, 418);
    assertThat(errors / 1940.0).isCloseTo(0.25, within(0.03));
    assertThat(second).isEqualTo(first);
    assertThat(statuses(chaos.withSeed(1), 10)).isNotEqualTo(first);
  }

  /**
   * The statuses of {@code rounds} requests for each of the 194 flags, in order, on a new server.
   */
  private static List<Integer> statuses(Chaos chaos, int rounds) throws IOException {
    List<Integer> statuses = new ArrayList<>();
    try (FlagServer server = start(chaos)) {
      for (int round = 0; round < rounds; round++) {
        for (Country country : Countries.all()) {
          String cc = country.cc().toLowerCase(Locale.ROOT);
          try (Response response = get(client, server, "/" + cc + "/" + cc + ".gif")) {
            statuses.add(response.code());
          }
        }
      }
    }
    return statuses;
  }

  @Test
  void concurrentClientsSeeTheSameErrorsPerFlagWhateverTheOrder() throws Exception {
    Chaos chaos = Chaos.NONE.withErrors(0.3, 418).withSeed(5);
    assertThat(statusByFlag(chaos, Countries.allCodes()))
        .isEqualTo(statusByFlag(chaos, Countries.allCodes().reversed()));
  }

  private static Map<String, Integer> statusByFlag(Chaos chaos, List<String> codes)
      throws Exception {
    Map<String, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    try (FlagServer server = start(chaos);
        ExecutorService pool = Executors.newFixedThreadPool(30)) {
      for (String code : codes) {
        String cc = code.toLowerCase(Locale.ROOT);
        var unused =
            pool.submit(
                () -> {
                  try (Response response = get(client, server, "/" + cc + "/" + cc + ".gif")) {
                    statuses.put(code, response.code());
                  }
                  return null;
                });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(statuses).hasSize(codes.size()).containsValue(418).containsValue(200);
    return statuses;
  }

  /** Faults that break the connection before any response: the client's call fails. */
  @ParameterizedTest
  @CsvSource({"RESET, reset", "EMPTY, unexpected end of stream", "GARBAGE, ''"})
  void brokenConnectionsFailTheCall(Fault fault, String message) throws IOException {
    try (FlagServer server = start(always(fault))) {
      assertThatThrownBy(() -> get(client, server, "/br/br.gif").close())
          .isInstanceOf(IOException.class)
          .hasMessageContaining(message);
    }
  }

  @Test
  void truncatedPromisesMoreBodyThanItSends() throws IOException {
    try (FlagServer server = start(always(Fault.TRUNCATED));
        Response response = get(client, server, "/br/br.gif")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(BR.length));
      assertThatThrownBy(() -> response.body().bytes())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("unexpected end of stream");
    }
  }

  @Test
  void status503And429CarryRetryAfter() throws IOException {
    for (Fault fault : List.of(Fault.STATUS_503, Fault.STATUS_429)) {
      try (FlagServer server = start(always(fault));
          Response response = get(client, server, "/br/br.gif")) {
        assertThat(response.code()).isEqualTo(fault.status());
        assertThat(response.header("Retry-After")).isEqualTo("1");
      }
    }
  }

  @Test
  void slowBodyArrivesWholeButLate() throws IOException {
    try (FlagServer server = start(always(Fault.SLOW_BODY).withSlowBody(ms(600)))) {
      long start = System.nanoTime();
      try (Response response = get(client, server, "/br/br.gif")) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().bytes()).isEqualTo(BR);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ms(600));
    }
  }

  @Test
  void slowBodyTripsAWholeCallTimeoutThoughEveryReadIsQuick() throws IOException {
    OkHttpClient impatient =
        client.newBuilder().readTimeout(ms(2_000)).callTimeout(ms(300)).build();
    try (FlagServer server = start(always(Fault.SLOW_BODY).withSlowBody(ms(5_000)))) {
      assertThatThrownBy(
              () -> {
                try (Response response = get(impatient, server, "/br/br.gif")) {
                  response.body().bytes();
                }
              })
          .isInstanceOf(InterruptedIOException.class);
    }
  }

  /** A stalled request gets no byte at all: the client's read timeout ends it, not the server. */
  @Test
  void stallAnswersNothingUntilTheClientGivesUp() throws Exception {
    OkHttpClient impatient = client.newBuilder().readTimeout(ms(300)).build();
    try (FlagServer server = start(always(Fault.STALL))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> get(impatient, server, "/br/br.gif").close())
          .isInstanceOf(InterruptedIOException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ms(300));
    }
  }

  @Test
  void logsEachRequestWithItsOutcomeAndDelay() throws IOException {
    Queue<RequestLog> log = new ConcurrentLinkedQueue<>();
    Chaos chaos = Chaos.NONE.withDelay(Delay.fixed(20)).withFaults(Map.of(Fault.STATUS_429, 1.0));
    try (FlagServer server =
            FlagServer.start("127.0.0.1", 0, new GeneratedFlags(), chaos, log::add);
        Response response = get(client, server, "/br/br.gif?x=\u0001")) {
      assertThat(response.code()).isEqualTo(429);
    }
    RequestLog entry = log.remove();
    assertThat(new RequestLog(entry.received(), "GET", "/\u001b[2J", "404", 0).line(""))
        .endsWith(" GET /?[2J -> 404");
    assertThat(entry.line("DELAY"))
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DELAY GET /flags/br/br.gif\\?x=%01 -> status-429 after 20 ms");
  }

  /**
   * A thousand clients each open a keep-alive connection and get a flag; none closes its connection
   * until all thousand have their answer, then each gets a second flag on the same connection. A
   * server that refused, queued or dropped connections would fail or stall here.
   */
  @Test
  void servesAThousandConcurrentKeepAliveConnections() throws Exception {
    int clients = 1_000;
    List<String> codes = Countries.allCodes();
    CountDownLatch allAnswered = new CountDownLatch(clients);
    try (FlagServer server = start(Chaos.NONE);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String cc = codes.get(i % codes.size()).toLowerCase(Locale.ROOT);
        results.add(
            pool.submit(
                () -> {
                  try (RawHttp http = RawHttp.connect(server.port())) {
                    int first = http.get("/flags/" + cc + "/" + cc + ".gif").status();
                    allAnswered.countDown();
                    assertThat(allAnswered.await(120, TimeUnit.SECONDS)).isTrue();
                    int second = http.get("/flags/" + cc + "/metadata.json").status();
                    return List.of(first, second);
                  }
                }));
      }
      for (Future<List<Integer>> result : results) {
        assertThat(result.get()).containsExactly(200, 200);
      }
    }
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
