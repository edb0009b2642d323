package dev.flags.download.pool;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Started with a worker's JVM options instead of the worker: prints the JIT this JVM really runs
 * with, as HotSpot has it, on one line ({@code TieredStopAtLevel=4 TieredCompilation=true}).
 */
public final class JitReport {
  private JitReport() {}

  public static void main(String[] args) {
    System.out.println(ofThisJvm());
  }

  /** This JVM's JIT settings, in the form {@link #main} prints. */
  static String ofThisJvm() {
    HotSpotDiagnosticMXBean hotSpot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    return "TieredStopAtLevel="
        + hotSpot.getVMOption("TieredStopAtLevel").getValue()
        + " TieredCompilation="
        + hotSpot.getVMOption("TieredCompilation").getValue();
  }
}
