package dev.flags.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns what users type into one of a fixed set of values by its lower-case label, in any case, and
 * lists the labels for help and shell completion (picocli wants a class for each role; a subclass
 * serves as both).
 */
abstract class LabelConverter<T> implements ITypeConverter<T>, Iterable<String> {
  private final String what;
  private final List<T> values;
  private final Function<T, String> label;

  LabelConverter(String what, T[] values, Function<T, String> label) {
    this.what = what;
    this.values = List.of(values);
    this.label = label;
  }

  @Override
  public T convert(String value) {
    String wanted = value.toLowerCase(Locale.ROOT);
    for (T candidate : values) {
      if (label.apply(candidate).equals(wanted)) {
        return candidate;
      }
    }
    throw new TypeConversionException(
        "unknown " + what + " '" + CodeOptions.printable(value) + "': use one of " + this);
  }

  @Override
  public Iterator<String> iterator() {
    return values.stream().map(label).iterator();
  }

  @Override
  public String toString() {
    return String.join(", ", this);
  }
}
