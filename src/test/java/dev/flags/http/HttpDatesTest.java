package dev.flags.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
  @Test
  void formatsImfFixdateAndReadsItBack() {
    Instant instant = Instant.parse("2008-06-03T11:05:30Z");
    assertThat(HttpDates.format(instant)).isEqualTo("Tue, 03 Jun 2008 11:05:30 GMT");
    assertThat(HttpDates.parse("Tue, 03 Jun 2008 11:05:30 GMT")).isEqualTo(instant);
    assertThat(HttpDates.parse(" Tue, 3 Jun 2008 11:05:30 GMT ")).isEqualTo(instant);
  }

  @Test
  void writesWhatTheJdksFormatterWritesEveryDayAndWeekdayOfALeapYear() {
    DateTimeFormatter jdk =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    Instant start = Instant.parse("2023-12-25T00:00:00Z");
    for (int day = 0; day < 400; day++) {
      // a different time of day each day, down to the second; a fraction is dropped
      Instant at = start.plusSeconds(day * 86_400L + day * 3_607L % 86_400).plusMillis(999);
      assertThat(HttpDates.format(at)).isEqualTo(jdk.format(at));
    }
    assertThat(HttpDates.format(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
  }

  @Test
  void everyMonthAndTheEdgesOfTheDay() {
    String[] months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    for (int m = 0; m < 12; m++) {
      Instant first = Instant.parse(String.format("2024-%02d-01T00:00:00Z", m + 1));
      assertThat(HttpDates.parse(HttpDates.format(first))).isEqualTo(first);
      assertThat(HttpDates.format(first)).contains(" " + months[m] + " ");
    }
    Instant last = Instant.parse("2024-02-29T23:59:59Z");
    assertThat(HttpDates.parse("Thu, 29 Feb 2024 23:59:59 GMT")).isEqualTo(last);
  }

  @Test
  void anythingElseIsNoDate() {
    assertThat(HttpDates.parse(null)).isNull();
    assertThat(HttpDates.parse("")).isNull();
    assertThat(HttpDates.parse("yesterday")).isNull();
    assertThat(HttpDates.parse("Tue, 32 Jun 2008 11:05:30 GMT")).isNull();
    assertThat(HttpDates.parse("Tue, 31 Jun 2008 11:05:30 GMT")).isNull();
    assertThat(HttpDates.parse("Tue, 03 Jux 2008 11:05:30 GMT")).isNull();
    assertThat(HttpDates.parse("Tue, 03 Jun 2008 11:05:30 UTC")).isNull();
    assertThat(HttpDates.parse("Tue, 0x Jun 2008 11:05:30 GMT")).isNull();
  }
}
