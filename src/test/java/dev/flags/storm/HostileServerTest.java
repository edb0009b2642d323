package dev.flags.storm;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.download.Mode;
import dev.flags.store.SafeNames;
import dev.flags.testing.Cli;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 7, a hostile server, in every mode: answers meant to escape the destination, overwrite
 * other flags, follow a planted link, loop, fill the memory or hold the run forever. Each run must
 * keep the invariants, and end in its bound.
 *
 * <p>Already proven elsewhere, not repeated here: each hostile metadata name on its own ({@code
 * MetadataTest}), redirect chains and https to http ({@code ReliabilityTest}, {@code RedirectTest};
 * {@code HttpsDowngradeIT} does it through the launcher).
 */
class HostileServerTest {
  private static final Figures FIGURES = new Figures("hostile server");
  private static final byte[] GIF_HEAD = "GIF89a".getBytes(US_ASCII);
  private static final long FIVE_GB = 5L << 30;

  /** What the kernel's socket buffers may hold on loopback, far below any hostile size. */
  private static final long BUFFERS = 32L << 20;

  @TempDir Path root;
  private Path dest;

  @AfterAll
  static void figures() {
    FIGURES.print();
  }

  @BeforeEach
  void destination() throws Exception {
    dest = Files.createDirectory(root.resolve("dest"));
  }

  /** Runs {@code flags} in {@code mode} against {@code server}; checks the invariants. */
  private Report run(
      Mode mode, HostileServer server, Invariants invariants, Duration bound, String... args)
      throws Exception {
    Resources before = Storm.baseline();
    List<String> all =
        new ArrayList<>(
            List.of(
                "--mode=" + mode.label(),
                "-s",
                server.baseUrl(),
                "-d",
                dest.toString(),
                "--format",
                "json",
                "--backoff",
                "0.001"));
    all.addAll(List.of(args));
    Cli.Run run = Storm.flags(bound, all.toArray(String[]::new));
    Report report = invariants.check(run);
    before.awaitBack();
    FIGURES.ran();
    return report;
  }

  private Report run(Mode mode, HostileServer server, String... args) throws Exception {
    return run(mode, server, Invariants.watch(root, dest), Duration.ofSeconds(30), args);
  }

  private static String cc(String path) {
    return path.substring("/flags/".length(), "/flags/".length() + 2).toUpperCase(Locale.ROOT);
  }

  /** Each code's country name in its metadata.json, as the server sends it; null: no metadata. */
  static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("AD", "../../escaped"),
          Map.entry("AE", "/etc/passwd"),
          Map.entry("AF", "a\u0000b/../../c"),
          Map.entry("AG", "x".repeat(5000)),
          Map.entry("AL", ".bashrc"),
          Map.entry("AM", "CON"),
          Map.entry("AO", "\u202Efig.exe"),
          Map.entry("AR", "Atlantis"),
          Map.entry("AT", "Atlantis"),
          Map.entry("AU", "Atlantis"),
          Map.entry("AZ", "br"),
          Map.entry("BA", "BR"),
          Map.entry("BB", ""));

  /**
   * Hostile names (escapes, NUL, 5000 characters, hidden, device names, a right-to-left override)
   * and, what no single-flag test shows, names that collide: three countries all called "Atlantis",
   * and two that call themselves "br" and "BR" while BR's own metadata is missing. Every OK flag
   * must have a file of its own, inside the destination: none may overwrite another.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void hostileAndCollidingNamesGiveEveryFlagAFileOfItsOwnInside(Mode mode) throws Exception {
    try (HostileServer server =
        HostileServer.start(
            (path, out) -> {
              String cc = cc(path);
              if (path.endsWith(".gif")) {
                HostileServer.answer(out, 200, "image/gif", Invariants.generated(cc));
              } else if (NAMES.containsKey(cc)) {
                String json = "{\"country\": \"" + escape(NAMES.get(cc)) + "\"}";
                HostileServer.answer(out, 200, "application/json", json.getBytes(UTF_8));
              } else {
                HostileServer.answer(out, 404, "text/plain", new byte[0]);
              }
            })) {
      List<String> codes = new ArrayList<>(NAMES.keySet());
      codes.add("BR");
      Invariants invariants =
          Invariants.watch(root, dest)
              .named(
                  cc ->
                      Stream.concat(
                              Stream.ofNullable(NAMES.get(cc))
                                  .flatMap(name -> SafeNames.fileName(name, ".gif").stream()),
                              Stream.of(Invariants.plainName(cc)))
                          .toList());
      Report report =
          run(
              mode,
              server,
              invariants,
              Duration.ofSeconds(30),
              Stream.concat(Stream.of("--metadata"), codes.stream()).toArray(String[]::new));
      FIGURES.tried(NAMES.size());
      assertThat(report.ok()).as("errors: %s", report.errorReasons()).isEqualTo(codes.size());
    }
  }

  private static String escape(String text) {
    StringBuilder json = new StringBuilder();
    text.chars()
        .forEach(
            c -> {
              if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                json.append(String.format("\\u%04x", c));
              } else {
                json.append((char) c);
              }
            });
    return json.toString();
  }

  private static final List<List<String>> WAYS_TO_SKIP =
      List.of(
          List.of(),
          List.of("--skip-existing"),
          List.of("--update"),
          List.of("--skip-existing", "--metadata"));

  /** Every mode, each with one of the ways to skip (in turn), so each way is tried too. */
  @SuppressWarnings("EnumOrdinal") // taking the ways in turn is all the ordinal is for
  static Stream<Arguments> everyModeAWayToSkip() {
    return Stream.of(Mode.values())
        .map(mode -> Arguments.of(mode, WAYS_TO_SKIP.get(mode.ordinal() % WAYS_TO_SKIP.size())));
  }

  static Stream<Arguments> everyModeEveryWayToSkip() {
    return Stream.of(Mode.values())
        .flatMap(mode -> WAYS_TO_SKIP.stream().map(options -> Arguments.of(mode, options)));
  }

  /**
   * A symbolic link planted under a flag's name, pointing at a GIF outside the destination: never
   * followed, never replaced, not taken for a flag already saved; that flag is an error, the others
   * arrive.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyModeAWayToSkip")
  void aPlantedLinkIsNeitherFollowedNorReplaced(Mode mode, List<String> options) throws Exception {
    plantedLink(mode, options);
  }

  @Tag("soak")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyModeEveryWayToSkip")
  void aPlantedLinkInEveryModeEveryWay(Mode mode, List<String> options) throws Exception {
    plantedLink(mode, options);
  }

  private void plantedLink(Mode mode, List<String> options) throws Exception {
    Path outside = Files.write(root.resolve("outside.gif"), Invariants.generated("JP"));
    boolean metadata = options.contains("--metadata");
    Files.createSymbolicLink(dest.resolve(metadata ? "Brazil.gif" : "br.gif"), outside);
    try (HostileServer server =
        HostileServer.start(
            (path, out) -> {
              String cc = cc(path);
              if (path.endsWith(".gif")) {
                HostileServer.answer(out, 200, "image/gif", Invariants.generated(cc));
              } else {
                String name = cc.equals("BR") ? "Brazil" : "China";
                HostileServer.answer(
                    out,
                    200,
                    "application/json",
                    ("{\"country\":\"" + name + "\"}").getBytes(UTF_8));
              }
            })) {
      Invariants invariants =
          Invariants.watch(root, dest)
              .named(cc -> List.of(metadata ? "China.gif" : Invariants.plainName(cc)));
      List<String> args = new ArrayList<>(options);
      args.addAll(List.of("BR", "CN"));
      Report report =
          run(mode, server, invariants, Duration.ofSeconds(30), args.toArray(String[]::new));
      assertThat(report.with("ok").keySet()).containsExactly("CN");
      assertThat(report.with("error").get("BR").error())
          .isEqualTo((metadata ? "Brazil.gif" : "br.gif") + " is a symbolic link: left as it is");
    }
  }

  /** A redirect loop is followed five times, then given up: not retried, never endless. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRedirectLoopIsGivenUpAfterFiveHops(Mode mode) throws Exception {
    try (HostileServer server =
        HostileServer.start(
            (path, out) -> {
              String to = path.endsWith(".gif") ? "/flags/br/elsewhere" : "/flags/br/br.gif";
              out.write(HostileServer.head(302, "Location: " + to, "Content-Length: 0"));
            })) {
      Report report = run(mode, server, "BR");
      assertThat(report.with("error").get("BR").error())
          .isEqualTo("too many redirects (more than 5)");
      assertThat(report.with("error").get("BR").attempts()).isEqualTo(1);
      assertThat(server.requests("/flags/br/br.gif") + server.requests("/flags/br/elsewhere"))
          .isEqualTo(6);
    }
  }

  /**
   * 5 GB announced in Content-Length: refused from the header alone; the server gets to send only
   * what the socket buffers hold.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void fiveGigabytesAnnouncedAreRefusedFromTheHeader(Mode mode) throws Exception {
    try (HostileServer server =
        HostileServer.start(
            (path, out) -> {
              out.write(
                  HostileServer.head(200, "Content-Type: image/gif", "Content-Length: " + FIVE_GB));
              endless(out, GIF_HEAD);
            })) {
      Report report = run(mode, server, "BR");
      assertThat(report.with("error").get("BR").error())
          .isEqualTo("too large (more than 10485760 bytes)");
      System.out.printf("5 GB announced, %s: %d bytes sent%n", mode.label(), server.bytesSent());
      assertThat(server.bytesSent()).isLessThan(BUFFERS);
    }
  }

  /**
   * 5 GB without a length (the body ends when the connection closes), and the same as a gzip bomb
   * (a few MB of gzip that inflate to gigabytes): reading stops as soon as {@code --max-bytes} is
   * exceeded.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodyWithoutEndStopsAtMaxBytesCompressedOrNot(Mode mode) throws Exception {
    try (HostileServer plain =
            HostileServer.start(
                (path, out) -> {
                  out.write(HostileServer.head(200, "Content-Type: image/gif"));
                  endless(out, GIF_HEAD);
                });
        HostileServer bomb =
            HostileServer.start(
                (path, out) -> {
                  out.write(
                      HostileServer.head(200, "Content-Type: image/gif", "Content-Encoding: gzip"));
                  endless(new GZIPOutputStream(out, 64 * 1024), GIF_HEAD);
                })) {
      for (HostileServer server : List.of(plain, bomb)) {
        Report report = run(mode, server, "BR", "--max-bytes", "100000");
        assertThat(report.with("error").get("BR").error())
            .isEqualTo("too large (more than 100000 bytes)");
        System.out.printf(
            "endless %s body, %s: %d bytes sent%n",
            server == bomb ? "gzip" : "plain", mode.label(), server.bytesSent());
        assertThat(server.bytesSent()).isLessThan(BUFFERS);
      }
    }
  }

  /** GIF89a, then zeros until the client hangs up (5 GB at most). */
  private static void endless(OutputStream out, byte[] first) throws Exception {
    out.write(first);
    byte[] zeros = new byte[64 * 1024];
    for (long sent = first.length; sent < FIVE_GB; sent += zeros.length) {
      out.write(zeros);
    }
    out.close();
  }

  /**
   * A body dripped a byte every 20 ms, each read quick, and a 60 s timeout: only the run's deadline
   * (1 s) can end it, and it does, in every mode, for every flag.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSlowDripPastTheDeadlineEndsAtTheDeadline(Mode mode) throws Exception {
    try (HostileServer server =
        HostileServer.start(
            (path, out) -> {
              out.write(
                  HostileServer.head(200, "Content-Type: image/gif", "Content-Length: 20000"));
              out.write(GIF_HEAD);
              for (int i = 0; i < 20000; i++) {
                out.write(new byte[1]);
                out.flush();
                Thread.sleep(20); // the drip itself
              }
            })) {
      long start = System.nanoTime();
      Report report =
          run(
              mode,
              server,
              Invariants.watch(root, dest),
              Duration.ofSeconds(15),
              "--timeout",
              "60",
              "--deadline",
              "1",
              "BR",
              "CN",
              "IN",
              "JP");
      assertThat(report.errorReasons()).isEqualTo(Map.of("deadline", 4L));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  /** A captive portal's HTML page with status 200 is not a flag: an error, not retried. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void htmlWithStatus200IsNotAFlag(Mode mode) throws Exception {
    try (HostileServer server =
        HostileServer.start(
            (path, out) ->
                HostileServer.answer(
                    out,
                    200,
                    "text/html",
                    "<html><body>Please log in to the Wi-Fi</body></html>".getBytes(US_ASCII)))) {
      Report report = run(mode, server, "BR", "CN");
      assertThat(report.errorReasons()).isEqualTo(Map.of("not a GIF", 2L));
      assertThat(report.flags()).allMatch(flag -> flag.attempts() == 1);
    }
  }

  /**
   * Headers that never end, and a metadata.json that never ends: the first fails the flag within
   * its bound, the second only costs the flag its country name.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void endlessHeadersAndEndlessMetadataAreCut(Mode mode) throws Exception {
    try (HostileServer server =
        HostileServer.start(
            (path, out) -> {
              if (path.startsWith("/flags/br/")) {
                out.write("HTTP/1.1 200 OK\r\nX-Flood: ".getBytes(US_ASCII));
                endless(out, "a".repeat(64 * 1024).getBytes(US_ASCII));
              } else if (path.endsWith(".gif")) {
                HostileServer.answer(out, 200, "image/gif", Invariants.generated(cc(path)));
              } else {
                out.write(HostileServer.head(200, "Content-Type: application/json"));
                endless(out, "[".repeat(1024).getBytes(US_ASCII));
              }
            })) {
      Report report =
          run(mode, server, "BR", "CN", "--metadata", "--max-bytes", "100000", "--retries", "1");
      assertThat(report.with("ok").keySet()).containsExactly("CN");
      assertThat(report.with("error")).containsOnlyKeys("BR");
      System.out.printf(
          "endless headers, %s: %s; %d bytes sent%n",
          mode.label(), report.with("error").get("BR").error(), server.bytesSent());
      assertThat(server.bytesSent()).isLessThan(2 * BUFFERS);
    }
  }
}
