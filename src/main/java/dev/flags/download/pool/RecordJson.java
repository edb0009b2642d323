package dev.flags.download.pool;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records to and from one line of JSON, by their components, with Gson's streaming reader and
 * writer alone. A worker JVM reads its run and writes its results with this: Jackson's {@code
 * ObjectMapper} loads some 700 classes at its first use, and even jackson-core's parser initialises
 * {@code BigDecimal}, which together cost a worker most of its start-up (docs/modes.md).
 *
 * <p>What travels: records of strings, numbers, booleans, enums (by name), {@link Duration}s
 * (ISO-8601), {@link Path}s, lists and other such records. A component whose type is a sealed
 * interface is written with its record's name first, {@code "type":"timeout"} for {@code
 * Cause.Timeout}, and read back as that record. A field the reader does not know is skipped; one
 * the line lacks is null, 0 or false.
 */
final class RecordJson {
  private static final String TYPE = "type";

  /** The records of each sealed type, through its sealed subtypes ({@code Cause.Transient}). */
  private static final ClassValue<List<Class<?>>> RECORDS =
      new ClassValue<>() {
        @Override
        protected List<Class<?>> computeValue(Class<?> sealed) {
          List<Class<?>> records = new ArrayList<>();
          for (Class<?> type : sealed.getPermittedSubclasses()) {
            records.addAll(type.isSealed() ? get(type) : List.of(type));
          }
          return List.copyOf(records);
        }
      };

  private RecordJson() {}

  /** {@code value} as one line; {@code as} names the sealed interface whose name it carries. */
  static String write(Record value, Class<?> as) {
    StringWriter line = new StringWriter();
    try (JsonWriter out = new JsonWriter(line)) {
      write(out, value, as);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.toString();
  }

  /**
   * The value of type {@code as} that {@code line} holds.
   *
   * @throws IOException if it is no JSON, or no such value
   */
  static <T> T read(String line, Class<T> as) throws IOException {
    try (JsonReader in = new JsonReader(new StringReader(line))) {
      return as.cast(read(in, as));
    } catch (IllegalStateException | IllegalArgumentException | DateTimeException e) {
      throw new IOException(e.getMessage(), e); // a token of another kind, or a bad number or time
    }
  }

  private static void write(JsonWriter out, Object value, Type as) throws IOException {
    switch (value) {
      case null -> out.nullValue();
      case String text -> out.value(text);
      case Boolean flag -> out.value(flag);
      case Integer number -> out.value(number.longValue());
      case Long number -> out.value(number.longValue());
      case Double number -> out.value(number.doubleValue());
      case Enum<?> constant -> out.value(constant.name());
      case Duration duration -> out.value(duration.toString());
      case Path path -> out.value(path.toString());
      case List<?> list -> {
        out.beginArray();
        for (Object element : list) {
          write(out, element, elementType(as));
        }
        out.endArray();
      }
      case Record record -> writeRecord(out, record, as);
      default -> throw new IllegalArgumentException("cannot write a " + value.getClass());
    }
  }

  private static void writeRecord(JsonWriter out, Record record, Type as) throws IOException {
    out.beginObject();
    if (as instanceof Class<?> declared && declared.isInterface()) {
      out.name(TYPE).value(name(record.getClass()));
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      out.name(component.getName());
      write(out, value(component, record), component.getGenericType());
    }
    out.endObject();
  }

  private static Object read(JsonReader in, Type as) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    Class<?> type = as instanceof ParameterizedType generic ? raw(generic) : (Class<?>) as;
    if (type == String.class) {
      return text(in);
    } else if (type == boolean.class || type == Boolean.class) {
      return in.nextBoolean();
    } else if (type == int.class || type == Integer.class) {
      return in.nextInt();
    } else if (type == long.class || type == Long.class) {
      return in.nextLong();
    } else if (type == double.class || type == Double.class) {
      return in.nextDouble();
    } else if (type.isEnum()) {
      return enumConstant(type, text(in));
    } else if (type == Duration.class) {
      return Duration.parse(text(in));
    } else if (type == Path.class) {
      return Path.of(text(in));
    } else if (type == List.class) {
      in.beginArray();
      List<Object> list = new ArrayList<>();
      while (in.hasNext()) {
        list.add(read(in, elementType(as)));
      }
      in.endArray();
      return List.copyOf(list);
    }
    in.beginObject();
    Object value = type.isInterface() ? readSealed(in, type) : readFields(in, type);
    in.endObject();
    return value;
  }

  /** An object that names its record first, as {@link #writeRecord} wrote it. */
  private static Object readSealed(JsonReader in, Class<?> sealed) throws IOException {
    if (!in.hasNext() || !TYPE.equals(in.nextName())) {
      throw new IOException("no " + TYPE + " first");
    }
    String name = text(in);
    for (Class<?> record : RECORDS.get(sealed)) {
      if (name(record).equals(name)) {
        return readFields(in, record);
      }
    }
    throw new IOException("no " + sealed.getSimpleName() + " is named " + name);
  }

  /** The rest of an object, its fields in any order, as a {@code type}. */
  private static Object readFields(JsonReader in, Class<?> type) throws IOException {
    if (!type.isRecord()) {
      throw new IOException("cannot read a " + type.getName());
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = absent(types[i]);
    }
    while (in.hasNext()) {
      int i = indexOf(components, in.nextName());
      if (i < 0) {
        in.skipValue();
      } else {
        values[i] = read(in, components[i].getGenericType());
      }
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IOException(type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot make a " + type.getSimpleName(), e);
    }
  }

  /** A string, and only a string: Gson would read a number as one too. */
  private static String text(JsonReader in) throws IOException {
    if (in.peek() != JsonToken.STRING) {
      throw new IOException("expected a string at " + in.getPath());
    }
    return in.nextString();
  }

  /** The name a record of a sealed type goes by: its simple name, first letter in lower case. */
  static String name(Class<?> record) {
    String simple = record.getSimpleName();
    return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
  }

  private static int indexOf(RecordComponent[] components, String name) {
    for (int i = 0; i < components.length; i++) {
      if (components[i].getName().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A missing field's value: what a field of its type holds before it is set. */
  private static Object absent(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    } else if (type == boolean.class) {
      return false;
    } else if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    }
    return 0.0;
  }

  private static Object value(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  private static Type elementType(Type list) {
    return list instanceof ParameterizedType generic
        ? generic.getActualTypeArguments()[0]
        : Object.class;
  }

  private static Class<?> raw(ParameterizedType generic) {
    return (Class<?>) generic.getRawType();
  }

  private static Object enumConstant(Class<?> type, String name) throws IOException {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IOException("no " + type.getSimpleName() + " is named " + name);
  }
}
