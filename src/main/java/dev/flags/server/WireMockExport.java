package dev.flags.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a flag catalog as WireMock stub mappings, so the standard WireMock standalone jar or
 * container serves the same flags ({@code --root-dir DIR}, or {@code /home/wiremock} in the
 * container): {@code mappings/<cc>-gif.json} and {@code mappings/<cc>-metadata.json}, whose {@code
 * bodyFileName} points at the bytes under {@code __files/flags/<cc>/}.
 *
 * <p>Bodies are plain body files, never templates: WireMock re-encodes a templated body as text,
 * which would corrupt the GIFs. A delay is kept (fixed, or WireMock's uniform distribution); random
 * errors and faults have no WireMock equivalent (a stub answers the same way every time).
 */
public final class WireMockExport {
  private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

  private WireMockExport() {}

  /**
   * Writes every resource of {@code catalog} below {@code dir} (created if missing; files of the
   * same names are replaced). Returns how many flags (GIFs) it wrote.
   */
  public static int write(FlagCatalog catalog, Delay delay, Path dir) throws IOException {
    Path mappings = Files.createDirectories(dir.resolve("mappings"));
    Path files = Files.createDirectories(dir.resolve("__files"));
    int flags = 0;
    for (String path : BookLayout.everyPath()) {
      Optional<Resource> resource = catalog.find(path);
      if (resource.isEmpty()) {
        continue;
      }
      String bodyFile = "flags/" + path;
      Path body = files.resolve(bodyFile);
      Files.createDirectories(body.getParent());
      Files.write(body, resource.get().body());
      String cc = path.substring(0, 2);
      String kind = BookLayout.isFlag(path) ? "gif" : "metadata";
      JSON.writeValue(
          mappings.resolve(cc + "-" + kind + ".json").toFile(),
          mapping(path, bodyFile, resource.get().contentType(), delay));
      flags += BookLayout.isFlag(path) ? 1 : 0;
    }
    return flags;
  }

  /** {@code {"request": {"method": "GET", "url": ...}, "response": {...}}}. */
  private static ObjectNode mapping(String path, String bodyFile, String type, Delay delay) {
    ObjectNode mapping = JsonNodeFactory.instance.objectNode();
    mapping.put("name", "flags " + path);
    ObjectNode request = mapping.putObject("request");
    request.put("method", "GET");
    request.put("url", "/flags/" + path);
    ObjectNode response = mapping.putObject("response");
    response.put("status", 200);
    response.put("bodyFileName", bodyFile);
    response.putObject("headers").put("Content-Type", type);
    if (delay.minMs() == delay.maxMs() && !delay.isNone()) {
      response.put("fixedDelayMilliseconds", delay.minMs());
    } else if (!delay.isNone()) {
      ObjectNode distribution = response.putObject("delayDistribution");
      distribution.put("type", "uniform");
      distribution.put("lower", delay.minMs());
      distribution.put("upper", delay.maxMs());
    }
    return mapping;
  }
}
