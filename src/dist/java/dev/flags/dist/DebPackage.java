package dev.flags.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code target/flags_VERSION_amd64.deb}, made by {@code dpkg-deb} from the archive's tree: the
 * tree under {@code /usr/lib/flags}, {@code /usr/bin/flags} a link to its launcher, the man pages
 * (gzipped) in {@code /usr/share/man/man1}, the bash completion where bash-completion loads it
 * from, the copyright (machine-readable, from {@code src/dist/deb/copyright}) and changelog Debian
 * policy asks for, and the NOTICE and the SBOM. No maintainer scripts: removal takes exactly what
 * was installed. Every file has the release's time, and dpkg-deb is given it as {@code
 * SOURCE_DATE_EPOCH}: two builds of one commit make the same bytes.
 */
final class DebPackage {
  private DebPackage() {}

  static final String MAINTAINER = "flags developers <flags@example.org>";

  /**
   * What lintian reports that is so by design: the runtime is an upstream OpenJDK image, built with
   * its own copies of these libraries (Debian's openjdk packages link the system's instead); there
   * is no Java 25 runtime package to depend on in Debian stable.
   */
  private static final String LINTIAN_OVERRIDES =
      """
      # The bundled OpenJDK runtime (jlink image) carries its own copies of these libraries.
      flags: embedded-library freetype [usr/lib/flags/runtime/lib/libfreetype.so]
      flags: embedded-library lcms2 [usr/lib/flags/runtime/lib/liblcms.so]
      flags: embedded-library libjpeg [usr/lib/flags/runtime/lib/libjavajpeg.so]
      flags: embedded-library libjpeg [usr/lib/flags/runtime/lib/libsplashscreen.so]
      flags: embedded-library zlib [usr/lib/flags/runtime/lib/libjli.so]
      flags: embedded-library zlib [usr/lib/flags/runtime/lib/libsplashscreen.so]
      flags: embedded-library zlib [usr/lib/flags/runtime/lib/libzip.so]
      """;

  static Path build(Path tree, Path target, String version, Instant released)
      throws IOException, InterruptedException {
    Path root = target.resolve("deb").resolve("flags_" + version + "_amd64");
    Trees.delete(target.resolve("deb"));
    Path lib = root.resolve("usr/lib/flags");
    for (String part : List.of("bin", "runtime", "app")) {
      Trees.copy(tree.resolve(part), lib.resolve(part));
    }
    Path usrBin = Files.createDirectories(root.resolve("usr/bin"));
    Files.createSymbolicLink(usrBin.resolve("flags"), Path.of("../lib/flags/bin/flags"));
    Trees.copy(tree.resolve("share/man"), root.resolve("usr/share/man"));
    Trees.copy(tree.resolve("share/bash-completion"), root.resolve("usr/share/bash-completion"));
    Path doc = Files.createDirectories(root.resolve("usr/share/doc/flags"));
    Files.copy(tree.resolve("COPYRIGHT"), doc.resolve("copyright"));
    Files.copy(tree.resolve("NOTICE"), doc.resolve("NOTICE"));
    Files.copy(tree.resolve(Dist.SBOM), doc.resolve(Dist.SBOM));
    Files.writeString(doc.resolve("changelog"), changelog(version, released));
    Path overrides = Files.createDirectories(root.resolve("usr/share/lintian/overrides"));
    Files.writeString(overrides.resolve("flags"), LINTIAN_OVERRIDES);
    Trees.normalizeModes(root);
    gzip(root, doc.resolve("changelog"));
    try (Stream<Path> pages = Files.list(root.resolve("usr/share/man/man1"))) {
      for (Path page : pages.toList()) {
        gzip(root, page);
      }
    }
    Path control = Files.createDirectories(root.resolve("DEBIAN"));
    Files.writeString(control.resolve("md5sums"), md5sums(root));
    Files.writeString(control.resolve("control"), control(version, installedKib(root)));
    Trees.normalizeModes(control);
    Instant latest =
        Dist.setReleaseTimes(
            root,
            List.of(lib.resolve("app/flags.aot"), lib.resolve("app/flags-worker.aot")),
            released);

    Path deb = target.resolve("flags_" + version + "_amd64.deb");
    ProcessBuilder dpkgDeb =
        new ProcessBuilder(
            "dpkg-deb", "--root-owner-group", "-Zxz", "--build", root.toString(), deb.toString());
    // The time of the ar members, and the latest a file in the tar parts may carry.
    dpkgDeb.environment().put("SOURCE_DATE_EPOCH", Long.toString(latest.getEpochSecond()));
    Dist.run(dpkgDeb.directory(target.toFile()));
    System.out.println("dist: " + deb + " (" + Files.size(deb) / 1024 + " KiB)");
    return deb;
  }

  private static String control(String version, long installedKib) {
    return """
        Package: flags
        Version: %s
        Architecture: amd64
        Maintainer: %s
        Installed-Size: %d
        Depends: libc6
        Recommends: fontconfig, fonts-dejavu-core
        Section: net
        Priority: optional
        Description: downloads country flags in five concurrency styles
         flags downloads country-flag GIFs over HTTP sequentially, with a thread
         pool, a pool of worker processes, virtual threads or non-blocking calls,
         and reports how long each took: the JVM counterpart of the Fluent Python
         "Concurrency with Futures" examples. It carries its own Java runtime and
         an embedded flag server, so it needs neither a JDK nor a network.
        """
        .formatted(version, MAINTAINER, installedKib);
  }

  private static String changelog(String version, Instant released) {
    return """
        flags (%s) unstable; urgency=medium

          * Release %s.

         -- %s  %s
        """
        .formatted(
            version,
            version,
            MAINTAINER,
            released
                .atZone(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)));
  }

  /** {@code gzip -9n}: what Debian expects of man pages and changelogs. */
  private static void gzip(Path dir, Path file) throws IOException, InterruptedException {
    Dist.run(dir, "gzip", "-9n", file.toString());
  }

  private static String md5sums(Path root) throws IOException {
    StringBuilder sums = new StringBuilder();
    for (Path file : Trees.files(root)) {
      sums.append(Trees.digest(root.resolve(file), "MD5")).append("  ").append(file).append('\n');
    }
    return sums.toString();
  }

  private static long installedKib(Path root) throws IOException {
    long bytes = 0;
    for (Path file : Trees.files(root)) {
      bytes += Files.size(root.resolve(file));
    }
    return (bytes + 1023) / 1024;
  }
}
