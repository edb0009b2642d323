package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flags.server.Chaos;
import dev.flags.server.Fault;
import dev.flags.server.GeneratedFlags;
import dev.flags.server.RequestLog;
import dev.flags.testing.Cli;
import dev.flags.testing.Cli.Run;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code flags serve} in process, for everything that ends before it would serve; serving until a
 * signal is tested on the packaged launcher ({@code ServeIT}).
 */
class ServeCommandTest {
  @TempDir Path tmp;

  private static Run serve(String... args) {
    List<String> argv = new ArrayList<>(List.of("serve"));
    argv.addAll(Arrays.asList(args));
    return Cli.flags(argv.toArray(String[]::new));
  }

  private static void assertUsageError(Run run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1).allMatch(l -> l.startsWith("flags: "));
    assertThat(run.err()).contains(message).endsWith("(see 'flags serve --help')\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--port 70000|--port must be 0..65535",
        "--port -1|--port must be 0..65535",
        "--delay soon|'soon' is not a delay",
        "--delay 5..3|ends before it starts",
        "--delay 9999999999|longer than an hour",
        "--error-rate 2|'2' is not a probability from 0 to 1",
        "--error-rate 0.1 --error-status 200|the error status must be 400..599",
        "--fault bogus:0.1|unknown fault 'bogus': use reset, empty, truncated",
        "--fault reset|'reset' is not NAME:P",
        "--fault reset:1.5|'1.5' is not a probability",
        "--fault reset:NaN|'NaN' is not a probability",
        "--fault reset:0.6 --error-rate 0.5|add up to 1.100; at most 1",
        "--fault reset:0.1,reset:0.2|fault reset is given twice",
        "--book --port 9000 --delay 5|--book sets its own ports, delays and errors; drop --port,"
            + " --delay",
        "--export-wiremock wm --fault reset:0.1|--export-wiremock keeps --delay but not",
        "--bind nowhere.invalid|--bind: unknown address 'nowhere.invalid'",
        "--flags-dir /no/such/flags|--flags-dir /no/such/flags: no such file or folder",
        "--nope|unknown option '--nope'"
      })
  void badArgumentsAreOneLineUsageErrors(String argsAndMessage) {
    String[] parts = argsAndMessage.split("\\|", -1);
    assertUsageError(serve(parts[0].split(" ", -1)), parts[1]);
  }

  @Test
  void aZipWithoutTheBooksLayoutIsAUsageError() throws IOException {
    Path zip = tmp.resolve("photos.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("holiday/beach.gif"));
      out.write(new byte[] {1, 2, 3});
    }
    assertUsageError(
        serve("--port", "0", "--flags-dir", zip.toString()), "no flags in the book's layout");
  }

  @Test
  void aPortInUseIsARuntimeErrorInOneLine() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run = serve("--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "flags: cannot listen on 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": Address already in use\n");
    }
  }

  /** --book's promise: if one of its ports is taken, the servers already started are closed. */
  @Test
  void startsAllServersOrNone() throws IOException {
    // Below the ephemeral range, so that no other test's server (bound to port 0) can be given it
    // once it is freed: then a connection refused proves that ours was closed.
    int free = freePortBelowEphemeralRange();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<ServerGroup.Plan> plans =
          List.of(
              new ServerGroup.Plan("LOCAL", free, Chaos.NONE),
              new ServerGroup.Plan("DELAY", taken.getLocalPort(), Chaos.NONE));
      assertThatThrownBy(
              () ->
                  ServerGroup.startAll(
                      "127.0.0.1", plans, new GeneratedFlags(), plan -> RequestLog.IGNORE, null))
          .isInstanceOf(FlagsException.class)
          .hasMessage(
              "cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use");
    }
    // The first server was closed: nothing listens on its port any more.
    int closedPort = free;
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), closedPort).close())
        .isInstanceOf(ConnectException.class);
  }

  /** A port nothing listens on, below Linux's ephemeral range (32768 and up). */
  private static int freePortBelowEphemeralRange() throws IOException {
    for (int port = 20_000; port < 32_000; port++) {
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return probe.getLocalPort();
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new IOException("no free port between 20000 and 32000");
  }

  @Test
  void exportsWireMockMappingsAndExits() {
    Path dir = tmp.resolve("wm");
    Run run = serve("--export-wiremock", dir.toString(), "--delay", "100..200");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Exported 194 flags as WireMock mappings (delay 100..200 ms) to "
                + dir
                + ": run WireMock with --root-dir "
                + dir
                + "\n");
    assertThat(dir.resolve("mappings/br-gif.json")).content().contains("\"lower\" : 100");
    assertThat(dir.resolve("__files/flags/br/br.gif")).exists();
  }

  @Test
  void anExportThatCannotBeWrittenIsARuntimeErrorInOneLine() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("wm"));
    Files.writeString(dir.resolve("mappings"), "a file where the folder should be");
    Run run = serve("--export-wiremock", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERRORS);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("flags: cannot write the WireMock export to " + dir + ": ");
  }

  @Test
  void exportingOntoAFileIsAUsageError() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertUsageError(serve("--export-wiremock", file.toString()), "is not a folder");
  }

  @Test
  void helpNamesTheFaultsAndShowsExamples() {
    Run help = serve("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--fault", "slow-body", "--book", "Examples:", "Exit codes:");
    assertThat(Cli.flags("--help").out()).contains("serve", "--server-delay");
    assertThat(ChaosArgs.FAULT_NAMES).isEqualTo(Fault.labels());
  }
}
