package dev.flags.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lock's semantics with real threads, synchronised by barriers and its own queue. */
@SuppressWarnings("try") // a hold is the lock: held for its block, released by close
class GilTest {
  private static final byte[] FLAG = "GIF89a flag".getBytes(StandardCharsets.US_ASCII);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  void aThreadWaitsForTheOneHoldingItAndRecordsTheWait() throws Exception {
    Gil gil = Gil.on();
    FlagWork work = new FlagWork(CpuWork.ofRounds(1_000), gil);
    long released;
    CompletableFuture<WorkDone> second;
    try (Gil.Hold first = gil.acquire()) {
      second = CompletableFuture.supplyAsync(() -> work.perform(FLAG, () -> false));
      await().atMost(PATIENCE).until(() -> gil.waiting() == 1);
      assertThat(second).isNotDone();
      released = System.nanoTime();
    }
    WorkDone done = second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

    assertThat(done.rounds()).isEqualTo(1_000);
    assertThat(done.computeStartNanos()).isGreaterThanOrEqualTo(released);
    assertThat(done.lockWaitNanos()).isPositive();
    assertThat(gil.held()).isFalse();
  }

  @Test
  void withTheLockNoTwoComputationsOverlap() throws Exception {
    List<WorkDone> done = computeTogether(Gil.on(), 8);

    List<WorkDone> byStart =
        done.stream().sorted(Comparator.comparingLong(WorkDone::computeStartNanos)).toList();
    for (int i = 1; i < byStart.size(); i++) {
      assertThat(byStart.get(i).computeStartNanos())
          .as("computation %d starts after %d ends", i, i - 1)
          .isGreaterThanOrEqualTo(byStart.get(i - 1).endNanos());
    }
    assertThat(done).extracting(WorkDone::digest).containsOnly(done.getFirst().digest());
  }

  @Test
  void withoutTheLockComputationsCanRunAtTheSameTime() throws Exception {
    Gil gil = Gil.OFF;
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> holders = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        holders.add(
            pool.submit(
                () -> {
                  try (Gil.Hold hold = gil.acquire()) {
                    // Both get here only if both hold "the lock" at once.
                    together.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                    return true;
                  }
                }));
      }
      for (Future<Boolean> holder : holders) {
        assertThat(holder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(gil.enabled()).isFalse();
  }

  @Test
  void withTheLockASecondHolderIsKeptOutUntilTheFirstLetsGo() throws Exception {
    Gil gil = Gil.on();
    CompletableFuture<Boolean> second;
    try (Gil.Hold first = gil.acquire()) {
      second =
          CompletableFuture.supplyAsync(
              () -> {
                try (Gil.Hold hold = gil.acquire()) {
                  return gil.held();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      await().atMost(PATIENCE).until(() -> gil.waiting() == 1);
      assertThat(second).isNotDone();
    }
    assertThat(second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aThreadInterruptedWhileWaitingDoesNoWorkAndStaysInterrupted() throws Exception {
    Gil gil = Gil.on();
    FlagWork work = new FlagWork(CpuWork.ofRounds(1_000), gil);
    CompletableFuture<WorkDone> done = new CompletableFuture<>();
    CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
    Thread waiter;
    try (Gil.Hold held = gil.acquire()) {
      waiter =
          Thread.ofPlatform()
              .start(
                  () -> {
                    done.complete(work.perform(FLAG, () -> false));
                    stillInterrupted.complete(Thread.currentThread().isInterrupted());
                  });
      await().atMost(PATIENCE).until(() -> gil.waiting() == 1);
      waiter.interrupt();
      waiter.join(PATIENCE);
    }

    assertThat(done.get().rounds()).isZero();
    assertThat(done.get().digest()).isNull();
    assertThat(stillInterrupted.get()).isTrue();
  }

  @Test
  void virtualThreadsTakeTurnsToo() throws Exception {
    Gil gil = Gil.on();
    FlagWork work = new FlagWork(CpuWork.ofRounds(2_000), gil);
    CyclicBarrier start = new CyclicBarrier(4);
    List<WorkDone> done;
    try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<WorkDone>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(
            virtual.submit(
                () -> {
                  start.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                  return work.perform(FLAG, () -> false);
                }));
      }
      done = new ArrayList<>();
      for (Future<WorkDone> future : futures) {
        done.add(future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      }
    }
    assertThat(Intervals.overlapping(done)).isEmpty();
  }

  /** {@code threads} platform threads released together, each doing the same work. */
  private static List<WorkDone> computeTogether(Gil gil, int threads) throws Exception {
    FlagWork work = new FlagWork(CpuWork.ofRounds(20_000), gil);
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<WorkDone>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                  return work.perform(FLAG, () -> false);
                }));
      }
      List<WorkDone> done = new ArrayList<>();
      for (Future<WorkDone> future : futures) {
        done.add(future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }
}
