package dev.flags.report.chart;

import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flags.testing.Cli.Run;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code --timeline}: a picture of the run, one lane per worker and one bar per request. */
class TimelineChartTest {
  @TempDir Path dir;

  /** Runs {@code flags} with {@code args}, into a folder of its own, drawing {@code timeline}. */
  private Run drawn(Path timeline, String... args) {
    List<String> argv = new ArrayList<>(List.of(args));
    argv.addAll(List.of("-d", dir.resolve("d").toString(), "--timeline", timeline.toString()));
    return flags(argv.toArray(String[]::new));
  }

  @Test
  void svgIsValidXmlWithOneLanePerWorkerAndOneBarPerRequest() throws Exception {
    Path svg = dir.resolve("t.svg");
    Run run =
        flags(
            "-m",
            "4",
            "-d",
            dir.resolve("d").toString(),
            "--format",
            "json",
            "--timeline",
            svg.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    Set<String> workers = new HashSet<>();
    json.get("flags").forEach(f -> workers.add(f.get("worker").asText()));
    assertThat(workers).hasSize(4); // 20 flags on 4 threads: every thread takes some

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = factory.newDocumentBuilder().parse(svg.toFile());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");

    // Each bar is <g class="request" data-worker=... data-cc=...><title/><rect/></g>.
    NodeList groups = doc.getElementsByTagName("g");
    Map<String, Set<String>> laneTopsByWorker = new HashMap<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (!g.getAttribute("class").equals("request")) {
        continue;
      }
      codes.add(g.getAttribute("data-cc"));
      // A request that took no visible time draws no rectangle (the SVG writer skips empty
      // shapes); its group and title are still there.
      Element rect = (Element) g.getElementsByTagName("rect").item(0);
      if (rect != null) {
        laneTopsByWorker
            .computeIfAbsent(g.getAttribute("data-worker"), w -> new HashSet<>())
            .add(rect.getAttribute("y"));
      }
      assertThat(g.getElementsByTagName("title").item(0).getTextContent())
          .startsWith(g.getAttribute("data-cc") + " OK: ");
    }
    assertThat(codes).hasSize(20);
    assertThat(laneTopsByWorker.keySet()).isEqualTo(workers);
    // One lane per worker: all of a worker's bars share one row, and no two workers share one.
    assertThat(laneTopsByWorker.values()).allMatch(tops -> tops.size() == 1);
    Set<String> allTops = new HashSet<>();
    laneTopsByWorker.values().forEach(allTops::addAll);
    assertThat(allTops).hasSize(4);
    // The lanes are labelled with the workers' names.
    String text = Files.readString(svg);
    workers.forEach(worker -> assertThat(text).contains(">" + worker + "<"));
  }

  @Test
  void withWorkEachFlagsBarGoesOnWithItsWaitForTheLockAndItsComputing() throws Exception {
    Path gil = dir.resolve("gil.svg");
    Path noGil = dir.resolve("nogil.svg");
    String dest = dir.resolve("d").toString();
    Run run =
        flags("-m", "3", "-l", "6", "-d", dest, "--work", "5", "--gil", "--timeline", "" + gil);
    assertThat(run.exitCode()).as(run.err()).isZero();
    run = flags("-m", "3", "-l", "6", "-d", dest, "--work", "5", "--timeline", noGil.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    String withLock = Files.readString(gil);
    assertThat(withLock.split("class=\"request\"", -1)).hasSize(7);
    assertThat(withLock.split("class=\"compute\"", -1)).hasSize(7);
    assertThat(withLock).containsPattern("<title>[A-Z]{2} computing: [\\d.]+ s from ");
    assertThat(withLock).contains("waiting for the GIL (");
    String without = Files.readString(noGil);
    assertThat(without.split("class=\"compute\"", -1)).hasSize(7);
    assertThat(without).doesNotContain("class=\"lock-wait\"", "waiting for the GIL");
  }

  @Test
  void sequentialHasOneLane() throws Exception {
    Path svg = dir.resolve("seq.svg");
    Run run =
        flags(
            "--mode",
            "sequential",
            "-l",
            "3",
            "-d",
            dir.resolve("d").toString(),
            "--timeline",
            svg.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String text = Files.readString(svg);
    assertThat(text)
        .contains(">" + Thread.currentThread().getName() + "<")
        .contains("data-worker=\"" + Thread.currentThread().getName() + "\"");
    assertThat(text.split("class=\"request\"", -1)).hasSize(4);
  }

  @Test
  void pngIsWrittenAndDecodable() throws Exception {
    Path png = dir.resolve("t.png");
    Run run = flags("-m", "4", "-d", dir.resolve("d").toString(), "--timeline", png.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isGreaterThan(200);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("t.png", "d");
    }
  }

  @Test
  void htmlEmbedsTheSvg() throws Exception {
    Path html = dir.resolve("t.html");
    Run run = flags("-l", "5", "-d", dir.resolve("d").toString(), "--timeline", html.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(html))
        .startsWith("<!DOCTYPE html>")
        .contains("<title>threads, max_req 5: 5 flags in ")
        .contains("<svg ")
        .contains("class=\"request\"")
        .contains("<strong>This run:</strong> mode threads, -m 5 (at most 5 requests at once), 5")
        .contains("<strong>How to read it:</strong>", "Each row is a worker", "Hover over a bar");
    assertThat(run.err()).isEqualTo("timeline written to " + html + "\n");
  }

  @Test
  void quietWritesTheTimelineWithoutSayingSo() throws Exception {
    Path svg = dir.resolve("q.svg");
    Run run =
        flags("-q", "-l", "2", "-d", dir.resolve("d").toString(), "--timeline", svg.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(svg).isNotEmptyFile();
  }

  @Test
  void asyncLanesAreTheInFlightSlotsNotOneLanePerFlag() throws Exception {
    Path svg = dir.resolve("async.svg");
    // 12 flags, 3 in flight, each answer after 50 ms: 4 rounds of 3 calls.
    Run run = drawn(svg, "--mode", "async", "-m", "3", "-l", "12", "--server-delay", "50");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String text = Files.readString(svg);
    assertThat(text.split("class=\"request\"", -1)).hasSize(13);
    // At most 3 lanes, named as slots: never one lane per flag.
    assertThat(text)
        .contains(">slot 1<", "one lane per in-flight slot")
        .doesNotContain(">slot 4<", ">async-");
  }

  @Test
  void eachWorkerProcessHasItsOwnStartUpInItsOwnLane() throws Exception {
    Path svg = dir.resolve("pool.svg");
    Run run = drawn(svg, "--mode", "processes", "-m", "2", "-l", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    Document doc = factory.newDocumentBuilder().parse(svg.toFile());
    NodeList groups = doc.getElementsByTagName("g");
    Map<String, String> startupTop = new HashMap<>();
    Map<String, Double> readyX = new HashMap<>();
    Map<String, Set<String>> requestTops = new HashMap<>();
    Map<String, Double> firstRequestX = new HashMap<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      Element rect = (Element) g.getElementsByTagName("rect").item(0);
      String worker = g.getAttribute("data-worker");
      if (g.getAttribute("class").equals("startup")) {
        assertThat(g.getElementsByTagName("title").item(0).getTextContent())
            .matches(worker + " start-up: \\d+ ms");
        startupTop.put(worker, rect.getAttribute("y"));
        readyX.put(
            worker,
            Double.parseDouble(rect.getAttribute("x"))
                + Double.parseDouble(rect.getAttribute("width")));
      } else if (g.getAttribute("class").equals("request")) {
        requestTops.computeIfAbsent(worker, w -> new HashSet<>()).add(rect.getAttribute("y"));
        firstRequestX.merge(worker, Double.parseDouble(rect.getAttribute("x")), Math::min);
      }
    }
    // Every worker that downloaded has its start-up shaded in its own lane, ending before its
    // first request starts.
    assertThat(startupTop.keySet()).containsAll(requestTops.keySet()).isNotEmpty();
    requestTops.forEach(
        (worker, tops) -> {
          assertThat(tops).containsExactly(startupTop.get(worker));
          assertThat(readyX.get(worker)).isLessThanOrEqualTo(firstRequestX.get(worker) + 1);
        });
    assertThat(Files.readString(svg)).contains("worker start-up");
  }

  @Test
  void aNameThatIsNoPictureIsAUsageErrorBeforeAnyDownload() {
    Path dest = dir.resolve("never");
    Run run = flags("--timeline", dir.resolve("t.txt").toString(), "-d", dest.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1).first().asString().contains(".svg, .png or .html");
    assertThat(dest).doesNotExist();
  }
}
