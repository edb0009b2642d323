package dev.flags.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flags.lesson.CpuFindings.Timing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lesson's conclusions from given timings: each claim follows from the numbers. */
class CpuFindingsTest {
  private static final Timing THREADS_IDLE = Timing.of(0.10);
  private static final Timing PROCESSES_IDLE = new Timing(0.40, 0.25);

  /** 20 flags of 100 ms on 2 cores, with the given runs with the lock. */
  private static CpuFindings findings(int cores, Timing threadsGil, Timing processesGil) {
    return new CpuFindings(
        cores,
        2,
        100,
        Timing.of(2.10),
        Timing.of(1.10),
        threadsGil,
        new Timing(1.40, 0.25),
        processesGil,
        THREADS_IDLE,
        PROCESSES_IDLE);
  }

  @Test
  void whereProcessesWinWithTheLockTheLessonSaysWhyPythonNeedsThem() {
    List<String> lines = findings(2, Timing.of(2.10), new Timing(1.40, 0.25)).lines();

    assertThat(lines.get(0)).contains("1.9x sequential without the lock, 1.0x with it");
    assertThat(lines.get(0)).contains("the lock makes them take turns");
    assertThat(lines.get(1))
        .contains("processes took 0.67x the time of threads, 0.25 s of it starting 2 worker JVMs")
        .contains("A GIL is why Python needs processes for CPU work");
    assertThat(lines.get(2))
        .contains("1.27x the time of threads (0.30 s more, 0.25 s of it starting workers)");
    // threads: 0.10 + 0.02/ms, processes: 0.40 + 0.01/ms: equal at 30 ms
    assertThat(lines.get(3)).contains("processes pay off above ~30 ms of work per flag");
  }

  @Test
  void whereProcessesLoseTheLessonSaysSoAndWhyAndMakesNoClaimForThem() {
    CpuFindings findings = findings(2, Timing.of(2.10), new Timing(2.30, 1.20));

    List<String> lines = findings.lines();

    assertThat(lines).noneMatch(line -> line.contains("A GIL is why"));
    assertThat(lines.get(1))
        .contains("processes took 1.10x the time of threads")
        .contains("starting 2 worker JVMs (1.20 s) cost more than running 100 ms");
    // processes: 0.40 + 0.019/ms against 0.10 + 0.02/ms: equal only at 300 ms
    assertThat(findings.breakEvenMillis())
        .hasValueSatisfying(ms -> assertThat(ms).isCloseTo(300, within(1e-6)));
  }

  @Test
  void withOneCoreNothingRunsInParallelAndProcessesNeverPayOff() {
    CpuFindings findings = findings(1, Timing.of(2.10), new Timing(2.45, 0.25));

    List<String> lines = findings.lines();

    assertThat(lines.get(1)).contains("with 1 core and 2 workers, nothing can run in parallel");
    assertThat(findings.breakEvenMillis()).isEmpty();
    assertThat(lines.get(3))
        .startsWith("   -> ")
        .contains("processes do not pay off on this machine");
  }

  @Test
  void processesAheadEvenWithoutWorkBreakEvenAtOnce() {
    assertThat(
            CpuFindings.breakEven(
                Timing.of(0.5), Timing.of(2.5), Timing.of(0.4), Timing.of(1.4), 100))
        .hasValue(0.0);
  }

  @Test
  void theWorkShownIsWhereProcessesShouldTakeAboutSixTenthsOfThreadsTime() {
    // 0.40 + 0.01 W = 0.6 (0.10 + 0.02 W) at W = 170 ms: 200 after rounding up to 50 ms
    assertThat(CpuFindings.workToShow(THREADS_IDLE, PROCESSES_IDLE, 20, 2, 100, 400))
        .isEqualTo(200);
    // a cheap pool: the least work is enough
    assertThat(CpuFindings.workToShow(THREADS_IDLE, Timing.of(0.2), 20, 2, 100, 400))
        .isEqualTo(100);
    // a dear one: no more than the most
    assertThat(CpuFindings.workToShow(THREADS_IDLE, Timing.of(2.4), 20, 2, 100, 400))
        .isEqualTo(400);
    // one worker: no work helps, the least is shown
    assertThat(CpuFindings.workToShow(THREADS_IDLE, PROCESSES_IDLE, 20, 1, 100, 400))
        .isEqualTo(100);
  }
}
