package dev.flags.download;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
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

  /** Short, so the timeout scenario is quick; long enough for a cold worker JVM's first call. */
  private static final double TIMEOUT_S = 1.5;

  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);
  private DownloadSettings settings;
  private DownloadOne downloadOne;

  @BeforeEach
  void open() {
    settings = new DownloadSettings(stubs.baseUrl(), dest.toString(), 4, TIMEOUT_S);
    downloadOne = DownloadOne.open(settings, System.nanoTime());
  }

  @AfterEach
  void close() {
    downloadOne.close();
  }

  private Map<String, FlagResult> run(Mode mode, List<String> codes) throws InterruptedException {
    List<FlagResult> heard = new ArrayList<>();
    List<FlagResult> results = mode.create(downloadOne, settings).downloadMany(codes, heard::add);
    assertThat(heard).containsExactlyElementsOf(results);
    assertThat(results).extracting(FlagResult::cc).containsExactlyInAnyOrderElementsOf(codes);
    assertThat(results).extracting(FlagResult::worker).allMatch(w -> w != null && !w.isBlank());
    return results.stream().collect(Collectors.toMap(FlagResult::cc, Function.identity()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void sameResultsForEveryScenario(Mode mode) throws Exception {
    byte[] br = stubs.ok("BR");
    byte[] jp = stubs.ok("JP");
    stubs.status("QQ", 404);
    stubs.status("XX", 418);
    stubs.status("YY", 500);
    stubs.fault("ZZ", Fault.CONNECTION_RESET_BY_PEER);
    stubs.stub("TT", aResponse().withStatus(200).withFixedDelay((int) (TIMEOUT_S * 3000)));

    Map<String, FlagResult> results = run(mode, List.of("BR", "JP", "QQ", "TT", "XX", "YY", "ZZ"));

    assertThat(
            results.values().stream()
                .collect(Collectors.groupingBy(FlagResult::status, Collectors.counting())))
        .isEqualTo(Map.of(FlagStatus.OK, 2L, FlagStatus.NOT_FOUND, 1L, FlagStatus.ERROR, 4L));
    assertThat(results.get("BR").bytes()).isEqualTo(br.length);
    assertThat(results.get("JP").bytes()).isEqualTo(jp.length);
    assertThat(results.get("QQ").verboseLine())
        .isEqualTo("QQ not found: " + stubs.baseUrl() + "/qq/qq.gif");
    assertThat(results.get("XX").verboseLine()).isEqualTo("XX error: HTTP 418 I'm a teapot");
    assertThat(results.get("YY").verboseLine())
        .isEqualTo("YY error: HTTP 500 Internal Server Error");
    assertThat(results.get("ZZ").error()).isEqualTo("connection reset");
    assertThat(results.get("TT").error()).startsWith("timed out");
    assertThat(dest.resolve("br.gif")).hasBinaryContent(br);
    assertThat(dest.resolve("jp.gif")).hasBinaryContent(jp);
    assertThat(files()).containsExactly("br.gif", "jp.gif");
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

  private List<String> files() throws IOException {
    try (var list = Files.list(dest)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
