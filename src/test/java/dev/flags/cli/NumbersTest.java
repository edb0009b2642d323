package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** The plain fast path and the exact slow path of {@link Numbers} agree on every form. */
class NumbersTest {
  @ParameterizedTest
  @CsvSource({"4,4", "+4,4", "' 4 ',4", "-7,-7", "4.0,4", "1e3,1000", "1E2,100", "007,7"})
  void wholeNumbersInEveryForm(String text, long expected) {
    assertThat(new Numbers.Longs().convert(text)).isEqualTo(expected);
    assertThat(new Numbers.Ints().convert(text)).isEqualTo((int) expected);
  }

  @ParameterizedTest
  @CsvSource({"2.5,2.5", ".5,0.5", "-.5,-0.5", "3,3", "1.,1", "1e-1,0.1", "' 0.25 ',0.25"})
  void decimalsInEveryForm(String text, double expected) {
    assertThat(new Numbers.Doubles().convert(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-", "+", "0x10", "10d", "1f", "NaN", "Infinity", "1..2", "1.-2", "4 4"})
  void rejectsWhatIsNotPlainDecimalNotation(String text) {
    assertThatThrownBy(() -> new Numbers.Doubles().convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageStartingWith("expected a number, such as 0.5");
  }

  @ParameterizedTest
  @CsvSource({
    "9223372036854775808,a whole number up to 9223372036854775807",
    "99999999999999999999999,a whole number up to 9223372036854775807",
    "-9223372036854775809,a whole number from -9223372036854775808",
    "2.5,'a whole number, such as 4'"
  })
  void longsOutOfRangeOrFractionalSayWhichLimit(String text, String expected) {
    assertThatThrownBy(() -> new Numbers.Longs().convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("expected " + expected + ", got '" + text + "'");
  }

  @ParameterizedTest
  @CsvSource({
    "2147483648,a whole number up to 2147483647",
    "-2147483649,a whole number from -2147483648"
  })
  void intsOutOfRangeSayWhichLimit(String text, String expected) {
    assertThatThrownBy(() -> new Numbers.Ints().convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("expected " + expected + ", got '" + text + "'");
  }
}
