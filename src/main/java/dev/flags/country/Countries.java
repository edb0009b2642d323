package dev.flags.country;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 194 countries of the book's flag collection, and the code lists the CLI offers. */
public final class Countries {

  /** The 20 most populous countries, the book's {@code POP20_CC}. */
  public static final List<String> POPULOUS_20 =
      List.of(
          "CN", "IN", "US", "ID", "BR", "PK", "NG", "BD", "RU", "JP", "MX", "PH", "VN", "ET", "EG",
          "DE", "IR", "TR", "CD", "FR");

  private static final Map<String, Country> BY_CODE = load();

  private Countries() {}

  /** Every country with a flag, sorted by code. */
  public static List<Country> all() {
    return List.copyOf(BY_CODE.values());
  }

  /** The codes of {@link #all()}, sorted. */
  public static List<String> allCodes() {
    return List.copyOf(BY_CODE.keySet());
  }

  /** Every two-letter combination AA..ZZ: 676 codes, most of which name no country. */
  public static List<String> everyCode() {
    List<String> codes = new ArrayList<>(26 * 26);
    for (char first = 'A'; first <= 'Z'; first++) {
      codes.addAll(startingWith(first));
    }
    return codes;
  }

  /** The 26 codes that start with a letter ({@code B} gives BA..BZ). */
  public static List<String> startingWith(char letter) {
    List<String> codes = new ArrayList<>(26);
    for (char second = 'A'; second <= 'Z'; second++) {
      codes.add("" + letter + second);
    }
    return codes;
  }

  /** The country with this upper-case code, if the collection has one. */
  public static Optional<Country> byCode(String cc) {
    return Optional.ofNullable(BY_CODE.get(cc));
  }

  private static Map<String, Country> load() {
    Map<String, Country> byCode = new LinkedHashMap<>();
    for (String line : CountryTable.TSV.lines().toList()) {
      String[] f = line.split("\t", -1);
      byCode.put(f[0], new Country(f[0], f[1], f[2], f[3]));
    }
    return Collections.unmodifiableMap(byCode);
  }
}
