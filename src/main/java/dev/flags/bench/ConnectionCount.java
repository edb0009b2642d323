package dev.flags.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flags.outcome.Connections;
import java.util.List;

/**
 * How many connections the server accepted, and TLS handshakes it completed, in a cell's measured
 * runs (the median per run): counted by the embedded server, in every mode, worker processes
 * included. Apart from {@link BenchRow}, whose fields and CSV columns stay as they were.
 *
 * @param mode the cell's mode, as in its row
 * @param maxReq the cell's concurrency
 * @param gil whether the cell had the lock
 * @param connections connections per run
 * @param tlsHandshakes TLS handshakes per run; 0 over plain HTTP
 */
@JsonPropertyOrder({"mode", "max_req", "gil", "connections", "tls_handshakes"})
public record ConnectionCount(
    @JsonProperty("mode") String mode,
    @JsonProperty("max_req") int maxReq,
    @JsonProperty("gil") boolean gil,
    @JsonProperty("connections") long connections,
    @JsonProperty("tls_handshakes") long tlsHandshakes) {

  static ConnectionCount of(Cell cell, List<Connections> runs) {
    return new ConnectionCount(
        cell.mode().label(),
        cell.maxReq(),
        cell.gil(),
        median(runs.stream().map(Connections::opened).toList()),
        median(runs.stream().map(Connections::handshakes).toList()));
  }

  private static long median(List<Long> counts) {
    return Math.round(BenchRow.medianOf(counts.stream().map(Long::doubleValue).toList()));
  }
}
