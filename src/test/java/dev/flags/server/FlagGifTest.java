package dev.flags.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flags.country.Countries;
import dev.flags.country.Country;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FlagGifTest {

  @Test
  void everyCountryGetsAGifThatDecodes() throws IOException {
    for (Country country : Countries.all()) {
      byte[] gif = FlagGif.generate(country);
      assertThat(new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("GIF89a");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(gif));
      assertThat(image).as(country.cc()).isNotNull();
      assertThat(image.getWidth()).isGreaterThan(image.getHeight());
    }
  }

  @Test
  void bytesAreDeterministicAndDifferPerCountry() {
    Set<String> distinct = new HashSet<>();
    for (Country country : Countries.all()) {
      byte[] first = FlagGif.generate(country);
      assertThat(FlagGif.generate(country)).isEqualTo(first);
      distinct.add(Arrays.toString(first));
    }
    assertThat(distinct).hasSize(194);
  }

  /**
   * The images' digest, pinned: if this fails, the generator draws differently, so move {@link
   * GeneratedFlags#LAST_MODIFIED} forward (clients with {@code --update} would otherwise keep the
   * old images, told 304 Not Modified), then update the digest here.
   */
  @Test
  void theImagesAreThoseOfLastModified() throws Exception {
    java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
    for (Country country : Countries.all()) {
      sha256.update(FlagGif.generate(country));
    }
    assertThat(java.util.HexFormat.of().formatHex(sha256.digest()))
        .as("the generator changed: move GeneratedFlags.LAST_MODIFIED forward")
        .isEqualTo("c19c158ea8134b82ff9213b2f86c5cefe7dd729f9079994cf94157d8be5a2248");
    assertThat(GeneratedFlags.LAST_MODIFIED).isEqualTo("2026-11-25T00:00:00Z");
  }

  @Test
  void sizesAreLikeRealFlags() {
    List<Integer> sizes =
        Countries.all().stream().map(c -> FlagGif.generate(c).length).sorted().toList();
    assertThat(sizes.getFirst()).isBetween(1_000, 2_000);
    assertThat(sizes.getLast()).isBetween(30_000, 40_000);
    assertThat(sizes.get(sizes.size() / 2)).isBetween(8_000, 12_000);
  }
}
