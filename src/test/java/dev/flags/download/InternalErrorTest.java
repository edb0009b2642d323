package dev.flags.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.engine.Engine;
import dev.flags.engine.RunListener;
import dev.flags.report.RunReport;
import dev.flags.testing.FlagStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An exception nobody expected in one flag's work (here: its save throws) is that flag's failed
 * result, {@code internal error: ...}; the other flags go on and the report adds up. In every mode,
 * the process pool's workers included.
 */
public class InternalErrorTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  public static final List<String> CODES = List.of("AR", "BR", "CN", "DE");

  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);

  private RunSpec spec(Mode mode) {
    CODES.forEach(stubs::ok);
    return FlagStubs.spec(stubs.baseUrl(), dest).mode(mode).codes(CODES).build();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Mode.class,
      names = {"PROCESSES"},
      mode = EnumSource.Mode.EXCLUDE) // pool.WorkerInternalErrorTest: its workers save
  void oneFlagsExceptionIsThatFlagsResult(Mode mode) throws Exception {
    List<FlagResult> heard = new ArrayList<>();
    RunReport report = Engine.of(spec(mode), new BrokenStore(dest)).run((RunListener) heard::add);

    assertThat(heard).containsExactlyElementsOf(report.results());
    assertThat(report.ok()).isEqualTo(3);
    assertThat(report.errors()).isEqualTo(1);
    assertOnlyBrFailed(report.results(), dest);
  }

  /** BR failed with its exception's words; the others were saved. */
  public static void assertOnlyBrFailed(List<FlagResult> results, Path dest) throws Exception {
    Map<String, FlagResult> byCode =
        results.stream().collect(Collectors.toMap(FlagResult::cc, Function.identity()));
    assertThat(byCode).containsOnlyKeys(CODES);
    assertThat(byCode.get("BR").error())
        .isEqualTo("internal error: java.lang.IllegalStateException: no save for br.gif");
    assertThat(byCode.get("BR").status()).isEqualTo(FlagStatus.ERROR);
    for (String cc : List.of("AR", "CN", "DE")) {
      assertThat(byCode.get(cc).status()).as(cc).isEqualTo(FlagStatus.OK);
    }
    try (var files = Files.list(dest)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ar.gif", "cn.gif", "de.gif");
    }
  }
}
