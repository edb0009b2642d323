package dev.flags.download;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.engine.Engine;
import dev.flags.engine.RunListener;
import dev.flags.report.RunReport;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every strategy against the same WireMock scenarios: same bytes, same classification, same counts.
 * The process pool runs real worker JVMs here.
 */
class DownloaderTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();

  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private RunSpecBuilder spec;
  private Engine engine;

  @BeforeEach
  void spec() {
    spec = FlagStubs.spec(stubs.baseUrl(), dest);
  }

  private Map<String, FlagResult> run(Mode mode, List<String> codes) {
    return run(mode, codes, RunListener.NONE);
  }

  private Map<String, FlagResult> run(Mode mode, List<String> codes, RunListener also) {
    List<FlagResult> heard = new ArrayList<>();
    engine = Engine.of(spec.mode(mode).codes(codes).build());
    RunReport report =
        engine.run(
            result -> {
              heard.add(result);
              also.onResult(result);
            });
    List<FlagResult> results = report.results();
    assertThat(heard).containsExactlyElementsOf(results);
    assertThat(results).extracting(FlagResult::cc).containsExactlyInAnyOrderElementsOf(codes);
    assertThat(results).extracting(FlagResult::worker).allMatch(w -> w != null && !w.isBlank());
    return results.stream().collect(Collectors.toMap(FlagResult::cc, Function.identity()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void savesTheBytesTheServerServed(Mode mode) throws Exception {
    byte[] br = stubs.ok("BR");
    byte[] jp = stubs.ok("JP");
    Map<String, FlagResult> results = run(mode, List.of("BR", "JP"));
    assertThat(results.get("BR").status()).isEqualTo(FlagStatus.OK);
    assertThat(results.get("BR").bytes()).isEqualTo(br.length);
    assertThat(dest.resolve("br.gif")).hasBinaryContent(br);
    assertThat(dest.resolve("jp.gif")).hasBinaryContent(jp);
    assertThat(files()).containsExactlyInAnyOrder("br.gif", "jp.gif");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void classifiesNotFoundAndErrors(Mode mode) throws Exception {
    stubs.ok("BR");
    stubs.status("QQ", 404);
    stubs.status("XX", 418);
    stubs.status("YY", 500);
    stubs.fault("ZZ", Fault.CONNECTION_RESET_BY_PEER);
    Map<String, FlagResult> results = run(mode, List.of("BR", "QQ", "XX", "YY", "ZZ"));

    assertThat(
            results.values().stream()
                .collect(Collectors.groupingBy(FlagResult::status, Collectors.counting())))
        .isEqualTo(Map.of(FlagStatus.OK, 1L, FlagStatus.NOT_FOUND, 1L, FlagStatus.ERROR, 3L));
    assertThat(results.get("QQ").status()).isEqualTo(FlagStatus.NOT_FOUND);
    assertThat(results.get("QQ").verboseLine())
        .isEqualTo("QQ not found: " + stubs.baseUrl() + "/qq/qq.gif");
    assertThat(results.get("XX").verboseLine()).isEqualTo("XX error: HTTP 418 I'm a teapot");
    assertThat(results.get("YY").verboseLine())
        .isEqualTo("YY error: HTTP 500 Internal Server Error (3 attempts)");
    assertThat(results.get("ZZ").status()).isEqualTo(FlagStatus.ERROR);
    assertThat(results.get("ZZ").error()).isEqualTo("connection reset");
    assertThat(results.get("ZZ").attempts()).isEqualTo(3);
    assertThat(results.get("XX").attempts()).isEqualTo(1);
    assertThat(files()).containsExactly("br.gif");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void aTimeoutIsAnErrorInEveryMode(Mode mode) throws Exception {
    byte[] br = stubs.ok("BR");
    stubs.stub("TT", FlagStubs.okGif("TT").withFixedDelay(4_000));
    // Short, so the test is quick; long enough for a cold worker JVM's first call.
    spec.timeoutSeconds(1.5).retries(0);
    Map<String, FlagResult> results = run(mode, List.of("BR", "TT"));
    assertThat(results.get("TT").status()).isEqualTo(FlagStatus.ERROR);
    assertThat(results.get("TT").error()).startsWith("timed out");
    assertThat(dest.resolve("br.gif")).hasBinaryContent(br);
    assertThat(files()).containsExactly("br.gif");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void aTruncatedBodyLeavesNothingAndKeepsTheOldFile(Mode mode) throws Exception {
    stubs.truncated("BR");
    stubs.truncated("JP");
    byte[] good = {'G', 'I', 'F', '8', '9', 'a', 1, 2, 3};
    Files.write(dest.resolve("jp.gif"), good);

    Map<String, FlagResult> results = run(mode, List.of("BR", "JP"));

    assertThat(results.values()).allMatch(r -> r.status() == FlagStatus.ERROR);
    assertThat(files()).containsExactly("jp.gif");
    assertThat(dest.resolve("jp.gif")).hasBinaryContent(good);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void retriesAndValidationHoldInEveryMode(Mode mode) throws Exception {
    stubs.sequence("BR", aResponse().withStatus(503), FlagStubs.okGif("BR"));
    stubs.sequence("JP", FlagStubs.truncatedGif("JP"), FlagStubs.okGif("JP"));
    stubs.stub("CN", aResponse().withStatus(200).withBody("<html>not a flag</html>"));
    Map<String, FlagResult> results = run(mode, List.of("BR", "JP", "CN"));
    assertThat(results.get("BR").verboseLine()).isEqualTo("BR OK (2 attempts)");
    assertThat(results.get("JP").verboseLine()).isEqualTo("JP OK (2 attempts)");
    assertThat(results.get("CN").verboseLine()).isEqualTo("CN error: not a GIF");
    assertThat(files()).containsExactly("br.gif", "jp.gif");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void theDeadlineEndsTheRunInEveryMode(Mode mode) throws Exception {
    List<String> codes = List.of("BR", "CN", "IN", "JP", "US");
    for (String cc : codes) {
      stubs.stub(cc, FlagStubs.okGif(cc).withFixedDelay(5_000));
    }
    spec.deadlineSeconds(0.5).timeoutSeconds(10);
    Map<String, FlagResult> results = run(mode, codes);
    assertThat(results.values()).allMatch(r -> "deadline".equals(r.error()), "all deadline");
    // Sequential: the first flag is cut, the others never start a request. Worker JVMs may still
    // be starting when the deadline passes: at most one request each.
    int requests = codes.stream().mapToInt(stubs::requestsFor).sum();
    if (mode == Mode.PROCESSES) {
      assertThat(requests).isBetween(0, 4);
    } else {
      assertThat(requests).isEqualTo(mode == Mode.SEQUENTIAL ? 1 : 4);
    }
    assertThat(files()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void cancellingEndsTheRunInEveryMode(Mode mode) throws Exception {
    stubs.ok("BR");
    List<String> slow = List.of("CN", "IN", "JP");
    for (String cc : slow) {
      stubs.stub(cc, FlagStubs.okGif(cc).withFixedDelay(30_000));
    }
    List<String> codes = List.of("BR", "CN", "IN", "JP");
    // Sequential runs BR first; threads run all four at once. Either way, cancel when BR is in.
    Map<String, FlagResult> results =
        run(
            mode,
            codes,
            result -> {
              if (result.cc().equals("BR")) {
                engine.cancel();
              }
            });
    assertThat(results.get("BR").status()).isEqualTo(FlagStatus.OK);
    for (String cc : slow) {
      assertThat(results.get(cc).error()).as(cc).isEqualTo("interrupted");
    }
    assertThat(files()).containsExactly("br.gif");
  }

  private List<String> files() throws IOException {
    try (var list = Files.list(dest)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
