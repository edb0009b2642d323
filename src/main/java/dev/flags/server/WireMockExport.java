package dev.flags.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flags.tls.ServerTls;
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

  /** The keystore {@link #writeTls} writes, in the export's folder. */
  public static final String KEYSTORE = "flags-tls.p12";

  /** The certificate {@link #writeTls} writes, for {@code --cacert}. */
  public static final String CERTIFICATE = "flags-tls.pem";

  /**
   * WireMock's keystore password: the key is made for a local test server and is no secret
   * (WireMock wants one).
   */
  public static final String KEYSTORE_PASSWORD = "flags-test";

  /**
   * Writes {@code tls}'s key and certificate as a PKCS#12 keystore WireMock's {@code
   * --https-keystore} reads, and its certificate as PEM, for {@code flags --cacert}.
   */
  public static void writeTls(ServerTls tls, Path dir) throws IOException {
    Files.createDirectories(dir);
    tls.writeKeystore(dir.resolve(KEYSTORE), KEYSTORE_PASSWORD.toCharArray());
    tls.writeCertificate(dir.resolve(CERTIFICATE));
  }

  /** The WireMock options that serve HTTPS with {@link #writeTls}'s keystore, and the client's. */
  public static String httpsOptions(Path dir) {
    return " --https-port 8443 --https-keystore "
        + dir.resolve(KEYSTORE)
        + " --keystore-type PKCS12 --keystore-password "
        + KEYSTORE_PASSWORD
        + " --key-manager-password "
        + KEYSTORE_PASSWORD
        + "; then: flags --cacert "
        + dir.resolve(CERTIFICATE)
        + " -s https://localhost:8443/flags";
  }

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
