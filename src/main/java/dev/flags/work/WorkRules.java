package dev.flags.work;

import java.util.Objects;

/**
 * The CPU work each flag does after its download and the lock it holds meanwhile: the {@code
 * --work} and {@code --gil} options. The per-flag steps turn it into a {@link FlagWork}; a worker
 * process warms its work up from it.
 *
 * @param workload the work per flag, calibrated once by the parent
 * @param gil whether each process has a lock its flags hold while they compute
 */
public record WorkRules(Workload workload, boolean gil) {
  /** No work, no lock. */
  public static final WorkRules NONE = new WorkRules(Workload.NONE, false);

  public WorkRules {
    Objects.requireNonNull(workload, "workload");
  }

  public boolean any() {
    return workload.any();
  }

  /** The work of this process's flags, under a lock of its own if {@code gil}. */
  public FlagWork flagWork() {
    return any() ? new FlagWork(workload.work(), Gil.of(gil)) : FlagWork.NONE;
  }
}
