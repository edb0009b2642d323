package dev.flags.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * One field of a machine schema written on every run: its stable name, and its value in a row (a
 * String, Integer, Long, Double or null). A schema is a list of these, in output order, and serves
 * JSON and CSV alike, through Jackson's streaming generators: setting up Jackson's object mapper
 * and its record introspection would be a large part of a short run.
 */
record Column<T>(String name, Function<T, Object> value) {

  /** Writes {@code row}'s fields, in {@code columns}' order, into the current JSON object. */
  static <T> void writeFields(JsonGenerator json, List<Column<T>> columns, T row)
      throws IOException {
    for (Column<T> column : columns) {
      json.writeFieldName(column.name());
      write(json, column.value().apply(row));
    }
  }

  /** Writes {@code row}'s values, in {@code columns}' order, as one CSV row. */
  static <T> void writeRow(JsonGenerator csv, List<Column<T>> columns, T row) throws IOException {
    csv.writeStartArray();
    for (Column<T> column : columns) {
      Object value = column.value().apply(row);
      // An empty field in its place: the CSV generator moves nulls to the end of the row.
      write(csv, value == null ? "" : value);
    }
    csv.writeEndArray();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    switch (value) {
      case null -> out.writeNull();
      case String text -> out.writeString(text);
      case Integer number -> out.writeNumber(number.longValue());
      case Long number -> out.writeNumber(number);
      case Double number -> out.writeNumber(number);
      default -> throw new IllegalArgumentException("no machine form for " + value.getClass());
    }
  }
}
