package dev.flags.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File names made from untrusted text, such as the country name in a server's {@code
 * metadata.json}: the book's {@code country.replace(' ', '_') + '.gif'}, made safe.
 *
 * <p>The result is always one plain name inside the destination folder: no path separator, no
 * {@code ..}, no leading dot (no hidden files, no {@code .} or {@code ..}), no NUL or other control
 * or invisible formatting character (such as a right-to-left override that would disguise the
 * extension), none of the characters Windows forbids, not a Windows device name ({@code CON},
 * {@code NUL}, ...), and at most {@link #MAX_BYTES} bytes of UTF-8 before the extension, so that
 * the name and its temp-file variant stay under the usual 255-byte limit. Text that leaves nothing
 * usable gives an empty result, and the caller falls back to a name of its own.
 */
public final class SafeNames {
  /** The longest base name kept, in UTF-8 bytes. */
  public static final int MAX_BYTES = 150;

  private static final String FORBIDDEN = "/\\:*?\"<>|";
  private static final Set<String> DEVICE_NAMES =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private SafeNames() {}

  /**
   * {@code United States} and {@code .gif} give {@code United_States.gif}; empty if nothing safe is
   * left of the text. A name this platform cannot give a file (accented letters where file names
   * are ASCII: a JVM in the C locale) is spelt without its accents, {@code Cote_d'Ivoire.gif}, or
   * is empty if that is not enough; a log line says why.
   *
   * @param extension appended as is, e.g. {@code .gif}
   */
  public static Optional<String> fileName(String untrusted, String extension) {
    return fileName(untrusted, extension, SafeNames::platformCanName);
  }

  /** The same, where {@code canName} decides which names a file may have. */
  static Optional<String> fileName(String untrusted, String extension, Predicate<String> canName) {
    Optional<String> name = cleaned(untrusted, extension);
    if (name.isEmpty() || canName.test(name.get())) {
      return name;
    }
    // Accents dropped from the text, not from the cleaned name: the cleaning must see what is
    // left (a leading dot behind a lone accent, a device name once spelt in ASCII).
    Optional<String> ascii = cleaned(withoutAccents(untrusted), extension).filter(canName);
    Log.LOG.info(
        "{} cannot be a file name here (file names are {}); {}",
        name.get(),
        System.getProperty("sun.jnu.encoding", "?"),
        ascii.map(spelt -> "saving as " + spelt).orElse("no ASCII spelling either"));
    return ascii;
  }

  /** {@code Côte d'Ivoire}: decomposed (NFD), the combining accents dropped. */
  static String withoutAccents(String text) {
    StringBuilder plain = new StringBuilder();
    Normalizer.normalize(text, Normalizer.Form.NFD)
        .codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(plain::appendCodePoint);
    return plain.toString();
  }

  /**
   * Whether a file may have this name here: the JVM encodes file names in the charset of the locale
   * it started in ({@code sun.jnu.encoding}), and refuses a name that charset cannot spell.
   */
  private static boolean platformCanName(String name) {
    try {
      return Path.of(name).getFileName() != null;
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static Optional<String> cleaned(String untrusted, String extension) {
    if (untrusted == null) {
      return Optional.empty();
    }
    StringBuilder name = new StringBuilder();
    Normalizer.normalize(untrusted, Normalizer.Form.NFC).codePoints().forEach(c -> append(name, c));
    // "a/../../b" became "a_.._.._b": what was path traversal collapses into one underscore.
    String cleaned = trim(name.toString().replaceAll("_(\\.+_)+", "_").replaceAll("_{2,}", "_"));
    cleaned = trim(cutToBytes(cleaned, MAX_BYTES));
    if (cleaned.isEmpty() || isDeviceName(cleaned)) {
      return Optional.empty();
    }
    return Optional.of(cleaned + extension);
  }

  private static void append(StringBuilder name, int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || FORBIDDEN.indexOf(c) >= 0) {
      name.append('_');
      return;
    }
    int type = Character.getType(c);
    boolean invisible =
        Character.isISOControl(c)
            || type == Character.FORMAT
            || type == Character.UNASSIGNED
            || type == Character.PRIVATE_USE
            || type == Character.SURROGATE
            || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR;
    if (!invisible) {
      name.appendCodePoint(c);
    }
  }

  /** Drops leading dots and underscores, trailing dots, underscores and spaces. */
  private static String trim(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && (name.charAt(start) == '.' || name.charAt(start) == '_')) {
      start++;
    }
    while (end > start && "._ ".indexOf(name.charAt(end - 1)) >= 0) {
      end--;
    }
    return name.substring(start, end);
  }

  /** The longest prefix of whole code points that fits in {@code maxBytes} of UTF-8. */
  private static String cutToBytes(String name, int maxBytes) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return name;
    }
    StringBuilder cut = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      cut.appendCodePoint(c);
      bytes += size;
      i += Character.charCount(c);
    }
    return cut.toString();
  }

  private static boolean isDeviceName(String name) {
    int dot = name.indexOf('.');
    String base = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
    return DEVICE_NAMES.contains(base);
  }

  /** The logger, made only when needed: most runs never log from here. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(SafeNames.class);
  }
}
