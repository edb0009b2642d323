package dev.flags.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flags.report.MachineFormats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What {@code flags bench} found: the set-up, then one row per cell. {@code --format json} writes
 * it whole on one line; {@code --format csv} writes its rows; text is a table. The schema is
 * documented in docs/benchmarks.md: add fields at the end, never rename or remove one.
 *
 * @param delayMs the server's fixed delay per response; null when unknown (not the embedded one)
 * @param requested how many flags each run downloads
 * @param runs measured runs per cell
 * @param warmupRuns runs per cell before the measured ones, not counted
 * @param cores processors the JVM sees
 * @param java the runtime's version
 * @param workMs the CPU work per flag asked for ({@code --work}); 0 for none; with several sizes,
 *     the first one's (each row has its own)
 * @param rounds the rounds of work per flag calibrated for it; 0 for none; with several sizes, the
 *     first one's
 * @param connections per cell, in the rows' order: the connections and TLS handshakes the server
 *     counted per run; null when the server is not the embedded one (nobody counted)
 */
@JsonPropertyOrder({
  "server",
  "base_url",
  "delay_ms",
  "requested",
  "runs",
  "warmup_runs",
  "cores",
  "java",
  "started_at",
  "rows",
  "work_ms",
  "rounds",
  "work_sweep_ms",
  "break_even",
  "connections"
})
public record BenchReport(
    @JsonProperty("server") String server,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("delay_ms") Long delayMs,
    @JsonProperty("requested") int requested,
    @JsonProperty("runs") int runs,
    @JsonProperty("warmup_runs") int warmupRuns,
    @JsonProperty("cores") int cores,
    @JsonProperty("java") String java,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("rows") List<BenchRow> rows,
    @JsonProperty("work_ms") long workMs,
    @JsonProperty("rounds") long rounds,
    @JsonProperty("connections") List<ConnectionCount> connections) {

  public BenchReport {
    rows = List.copyOf(rows);
    connections = connections == null ? null : List.copyOf(connections);
  }

  /**
   * One report of a bench run at several work sizes ({@code --work 10,50,200}): their rows one size
   * after the other, the set-up of the first.
   */
  public static BenchReport ofSizes(List<BenchReport> sizes) {
    BenchReport first = sizes.getFirst();
    return new BenchReport(
        first.server,
        first.baseUrl,
        first.delayMs,
        first.requested,
        first.runs,
        first.warmupRuns,
        first.cores,
        first.java,
        first.startedAt,
        sizes.stream().flatMap(size -> size.rows.stream()).toList(),
        first.workMs,
        first.rounds,
        first.connections == null
            ? null
            : sizes.stream().flatMap(size -> size.connections.stream()).toList());
  }

  /** The work sizes of the rows, smallest first; empty without work. */
  @JsonProperty("work_sweep_ms")
  public List<Long> workSweepMs() {
    return computes() ? sweep().worksMs() : List.of();
  }

  /** Where processes overtake threads, without and with the lock, if both pools computed. */
  @JsonProperty("break_even")
  public List<BreakEven.Summary> breakEvenSummaries() {
    return computes() ? sweep().breakEvens().stream().map(BreakEven::summary).toList() : List.of();
  }

  /** The rows read as lines against the work per flag. */
  public WorkSweep sweep() {
    return WorkSweep.of(rows);
  }

  private boolean computes() {
    return rows.stream().anyMatch(row -> row.workMs() > 0);
  }

  /** Whether the flags were given CPU work, or some rows the lock: the table then says so. */
  boolean aboutWork() {
    return computes() || rows.stream().anyMatch(BenchRow::gil);
  }

  private boolean anyHandshakes() {
    return connections != null && connections.stream().anyMatch(c -> c.tlsHandshakes() > 0);
  }

  /** Whether any measured run had a failed flag. */
  public boolean anyErrors() {
    return rows.stream().anyMatch(r -> r.errors() > 0);
  }

  public String json() {
    return MachineFormats.json(this);
  }

  public String csv() {
    return MachineFormats.csv(BenchRow.class, rows);
  }

  /**
   * One line about the set-up, then the table, then what the columns mean; with several work sizes,
   * the medians against the work and where processes overtake threads.
   */
  public void table(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%d flags from %s%s; median of %d %s after %d warm-up; %d cores, Java %s%n",
        requested,
        server,
        delayMs == null ? " (delay unknown)" : " with a fixed " + delayMs + " ms delay",
        runs,
        runs == 1 ? "run" : "runs",
        warmupRuns,
        cores,
        java);
    WorkSweep sweep = sweep();
    if (computes()) {
      out.printf(
          Locale.ROOT,
          "CPU work per flag: %s (%s of CRC-32C, calibrated once)%n",
          String.join(", ", distinct(row -> row.workMs() + " ms")),
          String.join(", ", distinct(row -> row.rounds() + " rounds")));
    }
    boolean startsWorkers = rows.stream().anyMatch(row -> row.workerStartupS() > 0);
    List<String> dropped = new ArrayList<>();
    if (!aboutWork()) {
      dropped.addAll(List.of("gil", "cpu_s", "parallel"));
    }
    if (!sweep.sweeps()) {
      dropped.add("work_ms");
    }
    if (!startsWorkers) {
      dropped.add("after_startup_s");
    }
    if (connections == null) {
      dropped.add("conns");
    }
    if (!anyHandshakes()) {
      dropped.add("tls_hs");
    }
    printAligned(out, withoutColumns(lines(), dropped));
    out.println(
        "speedup: sequential median / median. efficiency: ideal "
            + (!computes()
                ? "ceil(N / max_req) x delay"
                : delayMs == null || delayMs == 0
                    ? "N x work / min(max_req, cores)"
                    : "(the longer of ceil(N / max_req) x delay and N x work / min(max_req, cores))")
            + " / median. startup_s: worker start-up, part of the time."
            + (startsWorkers ? " after_startup_s: the median time after it." : "")
            + (computes() ? " cpu_s: the work's CPU time; parallel: cpu_s / elapsed." : "")
            + (connections == null
                ? ""
                : " conns: connections the server accepted per run (median)"
                    + (anyHandshakes() ? "; tls_hs: TLS handshakes it completed." : ".")));
    if (anyErrors()) {
      out.println(
          "Runs with errors are counted in the times above: failed requests may be faster or"
              + " slower than good ones.");
    }
    if (sweep.sweeps()) {
      printSweep(out, sweep);
    }
    out.flush();
  }

  /** Every row's cells, under a header, in the order {@link #table} knows them by name. */
  private List<String[]> lines() {
    List<String[]> lines = new ArrayList<>();
    lines.add(
        new String[] {
          "mode",
          "max_req",
          "gil",
          "work_ms",
          "median_s",
          "min_s",
          "max_s",
          "flags/s",
          "speedup",
          "efficiency",
          "startup_s",
          "after_startup_s",
          "errors",
          "cpu_s",
          "parallel",
          "conns",
          "tls_hs"
        });
    for (int i = 0; i < rows.size(); i++) {
      BenchRow row = rows.get(i);
      ConnectionCount count = connections == null ? null : connections.get(i);
      boolean started = row.workerStartupS() > 0;
      lines.add(
          new String[] {
            row.mode().label(),
            String.valueOf(row.maxReq()),
            row.gil() ? "on" : "off",
            String.valueOf(row.workMs()),
            fixed(row.medianS(), 3),
            fixed(row.minS(), 3),
            fixed(row.maxS(), 3),
            fixed(row.flagsPerS(), 1),
            row.speedup() == null ? "-" : fixed(row.speedup(), 2) + "x",
            row.efficiency() == null ? "-" : Math.round(row.efficiency() * 100) + "%",
            started ? fixed(row.workerStartupS(), 3) : "-",
            started ? fixed(row.medianAfterStartupS(), 3) : "-",
            row.errors() == 0
                ? "-"
                : row.errors() + " in " + row.runsWithErrors() + "/" + row.runs() + " runs",
            row.cpuS() == null ? "-" : fixed(row.cpuS(), 3),
            row.parallelism() == null ? "-" : fixed(row.parallelism(), 2),
            count == null ? "-" : String.valueOf(count.connections()),
            count == null ? "-" : String.valueOf(count.tlsHandshakes())
          });
    }
    return lines;
  }

  /** The medians with one column per line, one row per work size; then the break-evens. */
  private static void printSweep(PrintWriter out, WorkSweep sweep) {
    out.println();
    out.println("Median seconds (start-up included) against the CPU work per flag:");
    List<String[]> lines = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("work_ms"));
    sweep.lines().forEach(line -> header.add(line.label()));
    lines.add(header.toArray(String[]::new));
    for (long work : sweep.worksMs()) {
      List<String> cells = new ArrayList<>(List.of(String.valueOf(work)));
      for (WorkSweep.Line line : sweep.lines()) {
        cells.add(
            line.points().stream()
                .filter(p -> p.workMs() == work)
                .map(p -> fixed(p.medianS(), 3))
                .findFirst()
                .orElse("-"));
      }
      lines.add(cells.toArray(String[]::new));
    }
    printAligned(out, lines);
    sweep.breakEvens().reversed().forEach(found -> out.println(found.sentence()));
  }

  /** The distinct values of the rows, in their order. */
  private List<String> distinct(Function<BenchRow, String> value) {
    return rows.stream().map(value).distinct().toList();
  }

  /** The lines without the named columns. */
  private static List<String[]> withoutColumns(List<String[]> lines, List<String> names) {
    List<String> header = List.of(lines.getFirst());
    List<String[]> fewer = new ArrayList<>(lines.size());
    for (String[] line : lines) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < line.length; c++) {
        if (!names.contains(header.get(c))) {
          cells.add(line[c]);
        }
      }
      fewer.add(cells.toArray(String[]::new));
    }
    return fewer;
  }

  /** The first column left-aligned, the others right-aligned, two spaces apart. */
  private static void printAligned(PrintWriter out, List<String[]> lines) {
    int columns = lines.getFirst().length;
    int[] widths = new int[columns];
    for (String[] line : lines) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    for (String[] line : lines) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = line[c];
        String pad = " ".repeat(widths[c] - cell.length());
        text.append(c == 0 ? cell + pad : "  " + pad + cell);
      }
      out.println(text.toString().stripTrailing());
    }
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
