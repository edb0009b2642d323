package dev.flags.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flags.report.MachineFormats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code flags bench} found: the set-up, then one row per cell. {@code --format json} writes
 * it whole on one line; {@code --format csv} writes its rows; text is a table. The schema is
 * documented in the README: add fields at the end, never rename or remove one.
 *
 * @param delayMs the server's fixed delay per response; null when unknown (not the embedded one)
 * @param requested how many flags each run downloads
 * @param runs measured runs per cell
 * @param warmupRuns runs per cell before the measured ones, not counted
 * @param cores processors the JVM sees
 * @param java the runtime's version
 * @param workMs the CPU work per flag asked for ({@code --work}); 0 for none
 * @param rounds the rounds of work per flag calibrated for it; 0 for none
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

  /** Whether the flags were given CPU work, or some rows the lock: the table then says so. */
  boolean aboutWork() {
    return workMs > 0 || rows.stream().anyMatch(BenchRow::gil);
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

  /** One line about the set-up, then the table, then what the columns mean. */
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
    if (workMs > 0) {
      out.printf(
          Locale.ROOT,
          "CPU work per flag: %d ms (%d rounds of SHA-256, calibrated once)%n",
          workMs,
          rounds);
    }
    List<String[]> lines = new ArrayList<>();
    lines.add(
        new String[] {
          "mode",
          "max_req",
          "gil",
          "median_s",
          "min_s",
          "max_s",
          "flags/s",
          "speedup",
          "efficiency",
          "startup_s",
          "errors",
          "cpu_s",
          "parallel",
          "conns",
          "tls_hs"
        });
    for (int i = 0; i < rows.size(); i++) {
      BenchRow row = rows.get(i);
      ConnectionCount count = connections == null ? null : connections.get(i);
      lines.add(
          new String[] {
            row.mode(),
            String.valueOf(row.maxReq()),
            row.gil() ? "on" : "off",
            fixed(row.medianS(), 3),
            fixed(row.minS(), 3),
            fixed(row.maxS(), 3),
            fixed(row.flagsPerS(), 1),
            row.speedup() == null ? "-" : fixed(row.speedup(), 2) + "x",
            row.efficiency() == null ? "-" : Math.round(row.efficiency() * 100) + "%",
            row.workerStartupS() == 0 ? "-" : fixed(row.workerStartupS(), 3),
            row.errors() == 0
                ? "-"
                : row.errors() + " in " + row.runsWithErrors() + "/" + row.runs() + " runs",
            row.cpuS() == null ? "-" : fixed(row.cpuS(), 3),
            row.parallelism() == null ? "-" : fixed(row.parallelism(), 2),
            count == null ? "-" : String.valueOf(count.connections()),
            count == null ? "-" : String.valueOf(count.tlsHandshakes())
          });
    }
    printAligned(out, withoutColumns(lines, unshown()));
    out.println(
        "speedup: sequential median / median. efficiency: ideal "
            + (workMs == 0
                ? "ceil(N / max_req) x delay"
                : delayMs == null || delayMs == 0
                    ? "N x work / min(max_req, cores)"
                    : "(the longer of ceil(N / max_req) x delay and N x work / min(max_req, cores))")
            + " / median. startup_s: worker start-up, part of the time."
            + (workMs > 0 ? " cpu_s: the work's CPU time; parallel: cpu_s / elapsed." : "")
            + (connections == null
                ? ""
                : " conns: connections the server accepted per run (median)"
                    + (anyHandshakes() ? "; tls_hs: TLS handshakes it completed." : ".")));
    if (anyErrors()) {
      out.println(
          "Runs with errors are counted in the times above: failed requests may be faster or"
              + " slower than good ones.");
    }
    out.flush();
  }

  /**
   * The columns left out: those about CPU work without it (the table as it was before {@code
   * --work}), the connection counts when the server did not count them, the handshakes without TLS.
   */
  private int[] unshown() {
    List<Integer> hidden = new ArrayList<>();
    if (!aboutWork()) {
      hidden.addAll(List.of(2, 11, 12));
    }
    if (connections == null) {
      hidden.add(13);
    }
    if (!anyHandshakes()) {
      hidden.add(14);
    }
    return hidden.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The lines without the columns at {@code indexes} (in increasing order). */
  private static List<String[]> withoutColumns(List<String[]> lines, int... indexes) {
    List<String[]> fewer = new ArrayList<>(lines.size());
    for (String[] line : lines) {
      List<String> cells = new ArrayList<>(List.of(line));
      for (int i = indexes.length - 1; i >= 0; i--) {
        cells.remove(indexes[i]);
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
