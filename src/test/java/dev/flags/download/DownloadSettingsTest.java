package dev.flags.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Worker processes get their settings, and send their results, as JSON: both must round-trip. */
class DownloadSettingsTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void settingsRoundTripThroughJson() throws Exception {
    DownloadSettings settings =
        new DownloadSettings(
            "http://127.0.0.1:8000/flags",
            "/tmp/flags",
            8,
            3.5,
            4,
            0.25,
            7,
            1_900_000_000_000L,
            123_456,
            true,
            false,
            true);
    String text = json.writeValueAsString(settings);
    assertThat(json.readValue(text, DownloadSettings.class)).isEqualTo(settings);
  }

  @Test
  void theSkeletonsFourSettingsGetTheDocumentedDefaults() {
    DownloadSettings settings = new DownloadSettings("http://x/flags", "d", 4, 10);
    assertThat(settings.retries()).isEqualTo(2);
    assertThat(settings.maxBytes()).isEqualTo(10_485_760);
    assertThat(settings.deadlineEpochMillis()).isZero();
  }

  @Test
  void resultsRoundTripThroughJson() throws Exception {
    FlagResult result =
        new FlagResult("BR", FlagStatus.OK, 1234, 2, 5, 40, "pool-1", null, "Brazil.gif", false);
    String text = json.writeValueAsString(result);
    assertThat(json.readValue(text, FlagResult.class)).isEqualTo(result);
  }
}
