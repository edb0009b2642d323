package dev.flags.bench;

import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.download.Mode;
import dev.flags.server.FlagServer;
import dev.flags.server.GeneratedFlags;
import dev.flags.testing.Cli.Run;
import dev.flags.testing.FlagStubs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code flags bench}: the matrix, the figures, the formats, and errors that are never hidden. */
class BenchTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  @TempDir Path dir;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theMatrixTakesEachModesConcurrencyAndRunsSequentialOnce() {
    assertThat(Cell.matrix(List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(1, 4, 16), 10))
        .containsExactly(
            new Cell(Mode.SEQUENTIAL, 1),
            new Cell(Mode.THREADS, 1),
            new Cell(Mode.THREADS, 4),
            new Cell(Mode.THREADS, 10)); // never more than the codes
    assertThat(Cell.matrix(List.of(Mode.values()), List.of(), 194))
        .extracting(Cell::maxReq)
        .containsExactlyElementsOf(
            java.util.Arrays.stream(Mode.values())
                .map(m -> dev.flags.download.Parallelism.of(m).maxReq())
                .toList());
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(
            BenchRow.median(
                List.of(Duration.ofMillis(4), Duration.ofMillis(1), Duration.ofMillis(2))))
        .isEqualTo(Duration.ofMillis(2));
    assertThat(
            BenchRow.median(
                List.of(
                    Duration.ofMillis(4),
                    Duration.ofMillis(1),
                    Duration.ofMillis(2),
                    Duration.ofMillis(9))))
        .isEqualTo(Duration.ofMillis(3));
  }

  @Test
  void jsonHasOneRowPerModeAndConcurrencyWithSaneFigures() throws Exception {
    Run run =
        flags(
            "bench",
            "--modes",
            "sequential,threads",
            "-m",
            "1,4",
            "--runs",
            "2",
            "-l",
            "4",
            "--delay",
            "10",
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(1);
    assertThat(run.err())
        .contains(
            "bench: sequential -m 1: warm-up", "bench: threads -m 1:", "bench: threads -m 4:");

    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("server").asText()).isEqualTo("EMBEDDED");
    assertThat(json.get("delay_ms").asInt()).isEqualTo(10);
    assertThat(json.get("requested").asInt()).isEqualTo(4);
    assertThat(json.get("runs").asInt()).isEqualTo(2);
    assertThat(json.get("warmup_runs").asInt()).isEqualTo(1);
    assertThat(json.get("cores").asInt()).isPositive();
    List<String> cells = new ArrayList<>();
    for (JsonNode row : json.get("rows")) {
      cells.add(row.get("mode").asText() + " " + row.get("max_req").asInt());
      double median = row.get("median_s").asDouble();
      assertThat(row.get("runs").asInt()).isEqualTo(2);
      assertThat(row.get("elapsed_s")).hasSize(2);
      assertThat(row.get("min_s").asDouble()).isPositive().isLessThanOrEqualTo(median);
      assertThat(row.get("max_s").asDouble()).isGreaterThanOrEqualTo(median);
      assertThat(row.get("flags_per_s").asDouble())
          .isCloseTo(4 / median, within(4 / median * 0.05));
      assertThat(row.get("efficiency").asDouble()).isPositive().isLessThanOrEqualTo(1.0);
      int c = row.get("max_req").asInt();
      assertThat(row.get("ideal_s").asDouble()).isEqualTo(Math.ceilDiv(4, c) * 0.010, within(1e-9));
      assertThat(row.get("worker_startup_s").asDouble()).isZero();
      assertThat(row.get("errors").asInt()).isZero();
      assertThat(row.get("runs_with_errors").asInt()).isZero();
    }
    assertThat(cells).containsExactly("sequential 1", "threads 1", "threads 4");
    assertThat(json.get("rows").get(0).get("speedup").asDouble()).isEqualTo(1.0);
  }

  @Test
  void tlsBenchCountsEachRunsConnectionsAndHandshakesAtTheServer() throws Exception {
    Run run =
        flags(
            "bench",
            "--tls",
            "--modes",
            "sequential,threads,async",
            "-m",
            "4",
            "--runs",
            "2",
            "-l",
            "8",
            "--delay",
            "20",
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("base_url").asText()).startsWith("https://127.0.0.1:");
    assertThat(json.get("connections")).hasSize(json.get("rows").size());
    for (JsonNode row : json.get("connections")) {
      long connections = row.get("connections").asLong();
      assertThat(row.get("tls_handshakes").asLong())
          .as("one per connection")
          .isEqualTo(connections);
      if (row.get("mode").asText().equals("sequential")) {
        assertThat(connections).as("one connection, kept alive").isEqualTo(1);
      } else {
        assertThat(connections).as(row.toString()).isBetween(1L, 4L);
      }
    }
    Run table = flags("bench", "--tls", "--modes", "threads", "-m", "2", "--runs", "1", "-l", "4");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("conns", "tls_hs", "TLS handshakes it completed");
  }

  @Test
  void aPlainBenchCountsConnectionsButNoHandshakes() throws Exception {
    Run run = flags("bench", "--modes", "sequential", "--runs", "1", "-l", "3", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode row = JSON.readTree(run.out()).get("connections").get(0);
    assertThat(row.get("mode").asText()).isEqualTo("sequential");
    assertThat(row.get("connections").asLong()).isEqualTo(1);
    assertThat(row.get("tls_handshakes").asLong()).isZero();
  }

  @Test
  void errorsAreCountedAndShownNeverAveragedAway() throws Exception {
    stubs.ok("BR");
    stubs.status("JP", 500);
    Run json =
        flags(
            "bench",
            "-s",
            stubs.baseUrl(),
            "--modes",
            "threads",
            "--runs",
            "2",
            "--format",
            "json",
            "BR",
            "JP");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.err()).contains("(1 error!)");
    JsonNode report = JSON.readTree(json.out());
    assertThat(report.get("delay_ms").isNull()).isTrue();
    JsonNode row = report.get("rows").get(0);
    assertThat(row.get("errors").asInt()).isEqualTo(2);
    assertThat(row.get("runs_with_errors").asInt()).isEqualTo(2);
    assertThat(row.get("efficiency").isNull()).isTrue(); // the server's delay is unknown
    assertThat(row.get("speedup").isNull()).isTrue(); // sequential was not measured

    Run text =
        flags("bench", "-s", stubs.baseUrl(), "--modes", "threads", "--runs", "2", "BR", "JP");
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.out())
        .contains("2 flags from CUSTOM (delay unknown)")
        .containsPattern("threads +2 .* 2 in 2/2 runs\n")
        .contains("Runs with errors are counted in the times above");
  }

  @Test
  void csvHasAHeaderAndARowPerCell() {
    Run run =
        flags(
            "bench",
            "--modes",
            "threads",
            "-m",
            "2,4",
            "--runs",
            "1",
            "-l",
            "4",
            "--delay",
            "0",
            "--format",
            "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines)
        .hasSize(3)
        .first()
        .isEqualTo(
            "mode,max_req,runs,median_s,min_s,max_s,flags_per_s,speedup,efficiency,ideal_s,"
                + "worker_startup_s,errors,runs_with_errors,elapsed_s,gil,work_ms,rounds,cpu_s,"
                + "parallelism,median_after_startup_s");
    assertThat(lines.get(1)).startsWith("threads,2,1,");
    assertThat(lines.get(2)).startsWith("threads,4,1,");
  }

  @Test
  void gilBothRunsEveryCellWithoutAndWithTheLockOnTheSameCalibratedWork() throws Exception {
    Run run =
        flags(
            "bench",
            "--modes",
            "sequential,threads",
            "-m",
            "2",
            "--runs",
            "1",
            "-l",
            "3",
            "--work",
            "5",
            "--gil",
            "both",
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).containsPattern("bench: 5 ms of work = \\d+ rounds of CRC-32C");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("delay_ms").asLong()).isZero(); // CPU-bound: no delay unless asked
    long rounds = json.get("rounds").asLong();
    assertThat(rounds).isPositive();
    List<String> cells = new ArrayList<>();
    for (JsonNode row : json.get("rows")) {
      cells.add(row.get("mode").asText() + " " + row.get("gil").asBoolean());
      assertThat(row.get("rounds").asLong()).isEqualTo(rounds);
      assertThat(row.get("cpu_s").asDouble()).isPositive();
      assertThat(row.get("parallelism").isNumber()).isTrue();
      // The ideal for CPU work: N x work / min(max_req, cores).
      int parallel = Math.min(row.get("max_req").asInt(), json.get("cores").asInt());
      assertThat(row.get("ideal_s").asDouble()).isEqualTo(3 * 0.005 / parallel, within(0.0011));
    }
    assertThat(cells)
        .containsExactly("sequential false", "sequential true", "threads false", "threads true");
  }

  @Test
  void bareGilMeansOnAsForFlags() throws Exception {
    Run bare =
        flags(
            "bench",
            "--modes",
            "threads",
            "--runs",
            "1",
            "--delay",
            "0",
            "--format",
            "json",
            "--gil",
            "BR",
            "JP");
    assertThat(bare.exitCode()).as(bare.err()).isZero();
    JsonNode json = JSON.readTree(bare.out());
    assertThat(json.get("requested").asInt()).isEqualTo(2); // the codes are not --gil's value
    assertThat(json.get("rows")).hasSize(1);
    assertThat(json.get("rows").get(0).get("gil").asBoolean()).isTrue();

    Run attached =
        flags(
            "bench",
            "--modes",
            "threads",
            "--runs",
            "1",
            "--delay",
            "0",
            "--format",
            "csv",
            "--gil=both",
            "BR");
    assertThat(attached.exitCode()).as(attached.err()).isZero();
    assertThat(attached.out().lines()).hasSize(3); // without and with the lock
  }

  @Test
  void aListOfWorkSizesRunsTheMatrixAtEachSizeAndDrawsTimeAgainstWork() throws Exception {
    Path png = dir.resolve("sweep.png");
    List<String> args =
        List.of("bench", "--modes", "sequential,threads", "-m", "2", "--runs", "1", "-l", "2");
    List<String> text = new ArrayList<>(args);
    text.addAll(List.of("--work", "2,1", "--gil", "on", "--chart", png.toString()));
    Run run = flags(text.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .containsPattern("bench: 1 ms of work = \\d+ rounds")
        .containsPattern("bench: 2 ms of work = \\d+ rounds")
        .contains("chart written to " + png);
    assertThat(run.out())
        .containsPattern("CPU work per flag: 1 ms, 2 ms \\(\\d+ rounds, \\d+ rounds of CRC-32C")
        .doesNotContain("after_startup_s"); // no process pool: no start-up to take away
    // One calibration for every size: 2 ms is twice the rounds of 1 ms (give or take rounding).
    Matcher rounds =
        Pattern.compile("1 ms, 2 ms \\((\\d+) rounds, (\\d+) rounds").matcher(run.out());
    assertThat(rounds.find()).isTrue();
    assertThat(Long.parseLong(rounds.group(2)))
        .isCloseTo(2 * Long.parseLong(rounds.group(1)), within(1L));
    assertThat(run.out())
        .containsPattern("mode +max_req +gil +work_ms +median_s")
        .contains("Median seconds (start-up included) against the CPU work per flag:")
        .containsPattern("work_ms +sequential, GIL on +threads, GIL on\n1 +[\\d.]+ +[\\d.]+\n2 +");
    assertThat(ImageIO.read(png.toFile())).isNotNull();

    List<String> json = new ArrayList<>(args);
    json.addAll(List.of("--work", "1,2", "--format", "json"));
    Run machine = flags(json.toArray(String[]::new));
    assertThat(machine.exitCode()).as(machine.err()).isZero();
    JsonNode report = JSON.readTree(machine.out());
    assertThat(report.get("work_sweep_ms").toString()).isEqualTo("[1,2]");
    List<String> rows = new ArrayList<>();
    report
        .get("rows")
        .forEach(row -> rows.add(row.get("mode").asText() + " " + row.get("work_ms")));
    assertThat(rows).containsExactly("sequential 1", "threads 1", "sequential 2", "threads 2");
    assertThat(report.get("break_even")).isEmpty(); // no process pool: nothing to break even
  }

  @Test
  void chartsAreWrittenAsPngAndSvg() throws Exception {
    Path png = dir.resolve("c.png");
    Path svg = dir.resolve("c.svg");
    for (Path chart : List.of(png, svg)) {
      Run run =
          flags(
              "bench",
              "--modes",
              "sequential,threads",
              "--runs",
              "1",
              "-l",
              "3",
              "--delay",
              "5",
              "--chart",
              chart.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("sequential", "threads");
    }
    assertThat(ImageIO.read(png.toFile())).isNotNull();
    var svgDoc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertThat(svgDoc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(Files.readString(svg)).contains("sequential -m 1", "threads -m 3", "1.0×");
  }

  @Test
  void everyRunGetsAFreshFolderThatIsDeletedAfterwards() throws Exception {
    try (FlagServer server = FlagServer.start("127.0.0.1", 0, new GeneratedFlags())) {
      BenchPlan plan =
          BenchPlan.builder()
              .cells(List.of(new Cell(Mode.THREADS, 2)))
              .runs(2)
              .codes(List.of("BR", "JP", "QQ"))
              .server("EMBEDDED", server.baseUrl())
              .timeoutSeconds(5)
              .build();
      StringWriter progress = new StringWriter();
      BenchReport report = new Bench(plan, new PrintWriter(progress), dir).run();
      assertThat(report.rows()).hasSize(1);
      assertThat(report.rows().getFirst().errors()).isZero(); // QQ is a 404: not an error
      assertThat(progress.toString())
          .matches("bench: threads -m 2: warm-up [\\d.]+; runs [\\d.]+ [\\d.]+ s\n");
      try (var left = Files.list(dir)) {
        assertThat(left).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--runs 0",
        "-m 0",
        "-m 4,x",
        "--modes warp",
        "--delay -1",
        "--delay 10 -s http://127.0.0.1:9/flags",
        "--chart c.gif",
        "--format xml",
        "--work -1",
        "--work abc",
        "--work 60001",
        "--work 5,x",
        "--gil maybe",
        "B1"
      })
  void usageErrorsPrintOneLineAndExit2(String args) {
    List<String> argv = new ArrayList<>(List.of("bench"));
    argv.addAll(List.of(args.split(" ")));
    Run run = flags(argv.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .hasSize(1)
        .allMatch(l -> l.startsWith("flags: ") && l.endsWith("(see 'flags bench --help')"));
  }
}
