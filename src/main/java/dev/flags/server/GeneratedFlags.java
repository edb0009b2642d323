package dev.flags.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flags.country.Countries;
import dev.flags.country.Country;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 194 countries' generated flags and metadata, in the book's layout. Each body is made on first
 * request and kept, so a run that asks for 20 flags only pays for 20.
 */
public final class GeneratedFlags implements FlagCatalog {
  /**
   * When the generated images last changed: their Last-Modified, so that {@code flags --update}
   * gets 304 Not Modified for flags it already has. Move it forward whenever {@link FlagGif} draws
   * differently (GeneratedFlagsTest pins the images' digest to remind you).
   */
  public static final Instant LAST_MODIFIED = Instant.parse("2026-11-25T00:00:00Z");

  private final Map<String, Optional<Resource>> cache = new ConcurrentHashMap<>();

  @Override
  public Optional<Resource> find(String path) {
    return cache.computeIfAbsent(path, GeneratedFlags::make);
  }

  private static Optional<Resource> make(String path) {
    // Only "xx/xx.gif" and "xx/metadata.json" exist; anything else is absent.
    int slash = path.indexOf('/');
    if (slash != 2) {
      return Optional.empty();
    }
    String cc = path.substring(0, 2);
    String file = path.substring(3);
    Optional<Country> country = Countries.byCode(cc.toUpperCase(Locale.ROOT));
    if (country.isEmpty() || !cc.equals(cc.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    if (file.equals(cc + ".gif")) {
      return Optional.of(
          new Resource(FlagGif.generate(country.get()), Resource.GIF, LAST_MODIFIED));
    }
    if (file.equals("metadata.json")) {
      return Optional.of(new Resource(metadata(country.get()), Resource.JSON, LAST_MODIFIED));
    }
    return Optional.empty();
  }

  /**
   * {@code {"tld_cc": ".br", "iso_cc": "BR", "country": "Brazil", "gec_cc": "BR"}}, as the book's.
   */
  public static byte[] metadata(Country country) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("tld_cc", country.tld());
      json.writeStringField("iso_cc", country.cc());
      json.writeStringField("country", country.name());
      json.writeStringField("gec_cc", country.gec());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Jackson, set up on the first metadata request only: a flag download never asks for metadata, so
   * a default run (and the AOT cache trained on downloads) does without Jackson.
   */
  private static final class Json {
    static final JsonFactory FACTORY = new JsonFactory();
  }
}
