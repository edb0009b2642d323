package dev.flags.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.flags.testing.Cli.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.testing.Cli.Run;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();
  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-m 0",
        "-l 0",
        "B1",
        "ABC",
        "-s NOWHERE",
        "-s ftp://127.0.0.1/flags",
        "-s http://",
        "--mode warp",
        "--timeout -1",
        "-a -e",
        "-a BR",
        "--no-such-option",
        "--retries -1",
        "--backoff -1",
        "--max-retry-wait x",
        "--deadline 0",
        "--max-bytes 0",
        "-v -q",
        "--skip-existing --update",
        "-s http://127.0.0.1:99999/flags",
        "-s http://exa%mple/flags",
        "-s file:///etc/passwd"
      })
  void usageErrorsPrintOneLineAndExit2WithoutDownloading(String args) throws IOException {
    Path sub = dest.resolve("never");
    String[] argv = (args + " -d " + sub).split(" ");
    Run run = flags(argv);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1).allMatch(l -> l.startsWith("flags: "));
    assertThat(sub).doesNotExist();
  }

  @Test
  void anArgumentWithLineBreaksStillGivesOneLine() {
    for (String[] args :
        List.of(
            new String[] {"--timeout", "1\n2"},
            new String[] {"--nope\r\nflags: fake"},
            new String[] {"--retries", "x\u2028y"})) {
      Run run = flags(args);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err()).startsWith("flags: ").contains("?");
    }
  }

  @Test
  void aDestinationThatIsAFileIsAUsageError() throws IOException {
    Path file = Files.writeString(dest.resolve("file"), "x");
    Run run = flags("-d", file.toString(), "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("is not a folder");
  }

  @Test
  void aDestinationThatCannotBeCreatedIsAUsageError() throws IOException {
    Path file = Files.writeString(dest.resolve("file"), "x");
    Run run = flags("-d", file.resolve("sub").toString(), "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("cannot create destination");
  }

  @Test
  void aDestinationThatCannotBeWrittenIsAUsageError() {
    // /proc refuses new files even to root, for whom permission bits would not do.
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
    Run run = flags("-d", "/proc", "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("destination /proc is not writable");
  }

  @Test
  void reportsLikeTheBookAndExits0WhenOnlyNotFound() {
    stubs.ok("BR");
    stubs.ok("JP");
    stubs.status("QQ", 404);
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "br", "JP", "QQ");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .startsWith(
            "CUSTOM site: "
                + stubs.baseUrl()
                + "\nSearching for 3 flags: BR, JP, QQ\n3 concurrent connections will be used.\n"
                + "--------------------\n  2 flags downloaded.\n  1 not found.\nElapsed time: ");
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));
  }

  @Test
  void anErrorMakesExitCode1AndVerboseNamesIt() {
    stubs.ok("BR");
    stubs.status("JP", 418);
    Run run =
        flags(
            "-s", stubs.baseUrl(), "-d", dest.toString(), "--mode", "sequential", "-v", "BR", "JP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out())
        .contains("1 connection will be used.")
        .contains("BR OK\n")
        .contains("JP error: HTTP 418 I'm a teapot\n")
        .contains("  1 flag downloaded.\n  1 error.\n");
  }

  @Test
  void verboseNamesTheReasonAndTheAttempts() {
    stubs.status("JP", 503);
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--backoff", "0.001", "-v", "JP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out()).contains("JP error: HTTP 503 Service Unavailable (3 attempts)\n");
  }

  @Test
  void quietPrintsOnlyErrorsAndTheFinalReport() {
    stubs.ok("BR");
    stubs.status("JP", 418);
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "-q", "BR", "JP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out())
        .startsWith("--------------------\n  1 flag downloaded.\n  1 error.\nElapsed time: ");
    assertThat(run.err()).isEqualTo("JP error: HTTP 418 I'm a teapot\n");
  }

  @Test
  void skipExistingIsReportedAsAlreadySavedAndExits0() throws IOException {
    stubs.ok("BR");
    stubs.ok("JP");
    Files.write(dest.resolve("br.gif"), FlagStubs.gif("BR"));
    Run run =
        flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--skip-existing", "-v", "BR", "JP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("BR OK (already saved)\n", "JP OK\n")
        .contains("  1 flag downloaded.\n  1 already saved.\nElapsed time: ");
    assertThat(stubs.requestsFor("BR")).isZero();
  }

  @Test
  void theDeadlineMakesUnfinishedFlagsErrorsAndExitCode1() {
    stubs.stub("BR", FlagStubs.okGif("BR").withFixedDelay(5_000));
    stubs.stub("JP", FlagStubs.okGif("JP").withFixedDelay(5_000));
    Run run =
        flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--deadline", "0.3", "-v", "BR", "JP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out()).contains("BR error: deadline\n", "JP error: deadline\n", "  2 errors.");
  }

  @Test
  void metadataNamesTheFiles() {
    stubs.ok("US");
    stubs.metadata("US", "{\"country\": \"United States\"}");
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "--metadata", "US");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(dest.resolve("United_States.gif")).hasBinaryContent(FlagStubs.gif("US"));
  }

  @Test
  void oneLetterMeansTwentySixCodesAndLimitCutsAfterSorting() {
    Run run = flags("-s", stubs.baseUrl(), "-d", dest.toString(), "-l", "3", "Z", "A");
    // Nothing is stubbed, so WireMock answers 404 for every code: the codes still show in the
    // header.
    assertThat(run.out())
        .contains("Searching for 3 flags: AA, AB, AC\n")
        .contains("  3 not found.");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void defaultsToThePopulous20FromTheEmbeddedServer() throws IOException {
    Run run = flags("-d", dest.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .startsWith("EMBEDDED site: http://127.0.0.1:")
        .contains("Searching for 20 flags: from BD to VN\n20 concurrent connections will be used.")
        .contains(" 20 flags downloaded.\n");
    try (var files = Files.list(dest)) {
      assertThat(files).hasSize(20);
    }
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));
  }

  @Test
  void updateFromTheEmbeddedServerIsToldNotModified() throws IOException {
    assertThat(flags("-d", dest.toString(), "BR", "CN").exitCode()).isEqualTo(ExitCodes.OK);
    Path br = dest.resolve("br.gif");
    assertThat(Files.getLastModifiedTime(br).toInstant())
        .isEqualTo(dev.flags.server.GeneratedFlags.LAST_MODIFIED);

    Run run = flags("-d", dest.toString(), "--update", "-v", "BR", "CN");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("BR OK (already saved)").contains("  2 already saved.");
    assertThat(br).hasBinaryContent(FlagStubs.gif("BR"));
  }

  @Test
  void aRunRemovesTheTempFilesAKilledRunLeftAndSaysSo() throws IOException {
    Path leftover = Files.write(dest.resolve(".br.gif.k3x9q2.part"), new byte[] {'G', 'I'});
    Files.setLastModifiedTime(
        leftover,
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
    Run run = flags("-d", dest.toString(), "BR");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(leftover).doesNotExist();
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));
    assertThat(run.err())
        .isEqualTo("flags: removed 1 temp file(s) an interrupted run left in " + dest + "\n");
  }

  @Test
  void versionAndHelp() {
    assertThat(flags("--version").out()).startsWith("flags ");
    Run help = flags("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.err()).isEmpty(); // picocli warns there about bad format strings
    assertThat(help.out())
        .contains("--mode", "--max-req", "--order", "Exit codes:", "Examples:")
        .contains("--retries", "--deadline", "--max-bytes", "--skip-existing", "--metadata", "-q")
        .contains("130", "143")
        .contains("sequential", "threads", "processes", "virtual", "async", "REMOTE the default -m")
        .doesNotContainPattern("(?m)^ +worker\\b")
        .doesNotContain("Internal");
  }

  /** {@code 0.132s pool-3 BR OK}: the -v line, as (when, who, what). */
  private static final Pattern FLAG_LINE =
      Pattern.compile("^ *(\\d+\\.\\d{3})s (\\S+) +([A-Z]{2}) OK$", Pattern.MULTILINE);

  private static List<String> codesInPrintedOrder(String out) {
    return FLAG_LINE.matcher(out).results().map(m -> m.group(3)).toList();
  }

  /** AR is slow, so it completes last; the other three are instant. */
  private String[] slowFirstCode(String... options) {
    stubs.stub("AR", aResponse().withStatus(200).withFixedDelay(800).withBody(FlagStubs.gif("AR")));
    stubs.ok("BR");
    stubs.ok("CN");
    stubs.ok("DE");
    List<String> args = new java.util.ArrayList<>(List.of(options));
    args.addAll(
        List.of("-s", stubs.baseUrl(), "-d", dest.toString(), "-v", "AR", "BR", "CN", "DE"));
    return args.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"THREADS", "PROCESSES", "VIRTUAL", "ASYNC"})
  void orderSubmittedHoldsBackTheLinesBehindASlowFirstFlag(dev.flags.download.Mode mode) {
    Run run = flags(slowFirstCode("--mode", mode.label(), "-m", "2", "--order", "submitted"));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(codesInPrintedOrder(run.out())).containsExactly("AR", "BR", "CN", "DE");
    assertThat(run.out()).contains("  4 flags downloaded.");
    Matcher first = FLAG_LINE.matcher(run.out());
    assertThat(first.find()).isTrue();
    assertThat(Double.parseDouble(first.group(1)))
        .as("AR finished after its delay")
        .isGreaterThanOrEqualTo(0.8);
    assertThat(first.group(2))
        .matches(
            switch (mode) {
              case PROCESSES -> "pid-\\d+";
              case VIRTUAL -> "virtual-\\d+";
              case ASYNC -> "async-\\d+";
              default -> "pool-\\d+";
            });
  }

  @Test
  void orderCompletedPrintsEachLineAsItsFlagFinishes() {
    Run run =
        flags(
            slowFirstCode(
                "--mode", "threads", "-m", "2", "--ORDER=Completed".toLowerCase(Locale.ROOT)));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(codesInPrintedOrder(run.out())).hasSize(4).endsWith("AR");
    assertThat(run.out()).contains("  4 flags downloaded.").doesNotContain("Worker start-up");
  }

  @Test
  void processesPrintsTheWorkersStartUpWithVerbose() {
    stubs.ok("BR");
    Run run =
        flags(
            "-s",
            stubs.baseUrl(),
            "-d",
            dest.toString(),
            "--mode",
            "processes",
            "-m",
            "1",
            "-v",
            "BR");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).containsPattern("\\nWorker start-up: \\d+\\.\\d\\ds \\(1 JVM\\)\\n");
    assertThat(dest.resolve("br.gif")).hasBinaryContent(FlagStubs.gif("BR"));
  }
}
