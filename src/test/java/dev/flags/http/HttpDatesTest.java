package dev.flags.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
  void anythingElseIsNoDate() {
    assertThat(HttpDates.parse(null)).isNull();
    assertThat(HttpDates.parse("")).isNull();
    assertThat(HttpDates.parse("yesterday")).isNull();
    assertThat(HttpDates.parse("Tue, 32 Jun 2008 11:05:30 GMT")).isNull();
  }
}
