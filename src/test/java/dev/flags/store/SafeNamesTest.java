package dev.flags.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNamesTest {

  /** Where file names are UTF-8, whatever the locale this test runs in. */
  private static String name(String untrusted) {
    return SafeNames.fileName(untrusted, ".gif", UTF_8::canEncode).orElse("<none>");
  }

  private static final CharsetEncoder UTF_8 = StandardCharsets.UTF_8.newEncoder();
  private static final CharsetEncoder ASCII = StandardCharsets.US_ASCII.newEncoder();

  /** Where file names are ASCII: a JVM started in the C locale. */
  private static String asciiName(String untrusted) {
    return SafeNames.fileName(untrusted, ".gif", ASCII::canEncode).orElse("<none>");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Côte d'Ivoire|Cote_d'Ivoire.gif",
        "São Tomé and Príncipe|Sao_Tome_and_Principe.gif",
        "Brazil|Brazil.gif",
        "日本|<none>",
        "Ísland/..|Island.gif",
        "\u0301.hidden|hidden.gif",
        "CÓN|<none>"
      })
  void whereFileNamesAreAsciiAccentsAreDroppedOrThereIsNoName(String untrusted, String expected) {
    assertThat(asciiName(untrusted)).isEqualTo(expected);
  }

  @Test
  void byDefaultEveryNameIsOneThisPlatformCanGiveAFile() {
    String name = SafeNames.fileName("Côte d'Ivoire", ".gif").orElseThrow();
    assertThat(Path.of(name).getFileName().toString()).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Brazil|Brazil.gif",
        "United States|United_States.gif",
        "Côte d'Ivoire|Côte_d'Ivoire.gif",
        "Bosnia  and\tHerzegovina|Bosnia_and_Herzegovina.gif",
        "../../etc/passwd|etc_passwd.gif",
        "/etc/passwd|etc_passwd.gif",
        "..\\..\\windows\\win.ini|windows_win.ini.gif",
        ".hidden|hidden.gif",
        "...|<none>",
        "..|<none>",
        "CON|<none>",
        "nul.txt|<none>",
        "a:b*c?d|a_b_c_d.gif",
        "trailing dots...|trailing_dots.gif"
      })
  void makesOnePlainNameOrNone(String untrusted, String expected) {
    assertThat(name(untrusted)).isEqualTo(expected);
  }

  @Test
  void dropsNulControlAndInvisibleFormattingCharacters() {
    assertThat(name("Bra\u0000zil")).isEqualTo("Brazil.gif");
    assertThat(name("Bra\u001b[31mzil")).isEqualTo("Bra[31mzil.gif");
    assertThat(name("evil\u202Efig.exe")).isEqualTo("evilfig.exe.gif"); // no right-to-left override
    assertThat(name("line\nbreak")).isEqualTo("line_break.gif");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\u0000", "/", "\u200B"})
  void nothingLeftMeansNoName(String untrusted) {
    assertThat(SafeNames.fileName(untrusted, ".gif")).isEmpty();
    assertThat(SafeNames.fileName(null, ".gif")).isEmpty();
  }

  @Test
  void longNamesAreCutOnACharacterBoundaryUnderTheByteCap() {
    String name = name("é".repeat(1000)); // 2 bytes each in UTF-8
    String base = name.substring(0, name.length() - 4);
    assertThat(base.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(SafeNames.MAX_BYTES);
    assertThat(base).matches("é+");
    assertThat(name("x".repeat(10_000))).hasSize(SafeNames.MAX_BYTES + 4);
  }

  @Test
  void everyResultIsASinglePathElement() {
    for (String hostile :
        new String[] {
          "a/../../b", "../", "./.", "a\\..\\b", "~/x", "C:\\x", "\u0000/..", "%2e%2e"
        }) {
      Optional<String> name = SafeNames.fileName(hostile, ".gif");
      name.ifPresent(
          n -> {
            assertThat(Path.of(n).getNameCount()).as(hostile).isEqualTo(1);
            assertThat(n).doesNotStartWith(".").doesNotContain("/", "\\", "\0");
          });
    }
  }
}
