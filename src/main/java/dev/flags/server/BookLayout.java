package dev.flags.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The book's layout below the base URL: {@code <cc>/<cc>.gif} and {@code <cc>/metadata.json}, with
 * {@code cc} two lower-case letters.
 */
final class BookLayout {
  /** A path in the layout; group 1 is the country code. */
  static final Pattern PATH = Pattern.compile("([a-z]{2})/(?:\\1\\.gif|metadata\\.json)");

  private BookLayout() {}

  /** Every path the layout allows, {@code aa/aa.gif} to {@code zz/metadata.json}: 1352. */
  static List<String> everyPath() {
    List<String> paths = new ArrayList<>(26 * 26 * 2);
    for (char first = 'a'; first <= 'z'; first++) {
      for (char second = 'a'; second <= 'z'; second++) {
        String cc = "" + first + second;
        paths.add(cc + "/" + cc + ".gif");
        paths.add(cc + "/metadata.json");
      }
    }
    return paths;
  }

  static boolean isFlag(String path) {
    return path.endsWith(".gif");
  }

  static String contentType(String path) {
    return isFlag(path) ? Resource.GIF : Resource.JSON;
  }
}
