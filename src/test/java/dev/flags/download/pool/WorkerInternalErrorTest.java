package dev.flags.download.pool;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flags.download.BrokenStore;
import dev.flags.download.DownloadOne;
import dev.flags.download.FlagResult;
import dev.flags.download.InternalErrorTest;
import dev.flags.download.Mode;
import dev.flags.download.RunSpec;
import dev.flags.testing.FlagStubs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InternalErrorTest} in the process pool: one flag's save throws in a worker JVM; that flag
 * is an {@code internal error}, the worker and the run go on.
 */
class WorkerInternalErrorTest {
  @RegisterExtension static WireMockExtension wireMock = FlagStubs.extension();

  @TempDir Path dest;
  private final FlagStubs stubs = new FlagStubs(wireMock);

  /** A worker JVM whose store cannot save {@link BrokenStore#BROKEN}. */
  public static final class BrokenSaveWorker {
    private BrokenSaveWorker() {}

    public static void main(String[] args) throws IOException {
      ProcessWorker.serve(System.in, System.out, BrokenStore::new);
    }
  }

  @Test
  void oneFlagsExceptionInAWorkerIsThatFlagsResult() throws Exception {
    InternalErrorTest.CODES.forEach(stubs::ok);
    RunSpec spec =
        FlagStubs.spec(stubs.baseUrl(), dest)
            .mode(Mode.PROCESSES)
            .codes(InternalErrorTest.CODES)
            .maxReq(2)
            .build();
    List<String> command = new ArrayList<>(ProcessPoolDownloader.workerCommand());
    command.subList(command.size() - 2, command.size()).clear(); // dev.flags.Main worker
    command.add(BrokenSaveWorker.class.getName());
    List<FlagResult> heard = new ArrayList<>();
    try (DownloadOne parent = DownloadOne.open(spec)) {
      new ProcessPoolDownloader(parent, spec, command).downloadMany(spec.codes(), heard::add);
    }
    InternalErrorTest.assertOnlyBrFailed(heard, dest);
  }
}
