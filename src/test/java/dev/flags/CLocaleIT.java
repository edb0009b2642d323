package dev.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as containers and CI jobs run it, {@code env -i PATH=... LC_ALL=C}: the locale holds
 * no character set, so the JVM would spell file names in ASCII. The launcher moves the JVM to
 * C.UTF-8 (PEP 538's coercion); without that, names fall back to ASCII. Either way nothing crashes
 * and all 194 flags are saved.
 *
 * <p>File names are read with {@code ls}, as bytes decoded here as UTF-8: this test's own JVM may
 * run in a C locale too (a bare CI runner), where it could not spell them itself.
 */
class CLocaleIT {
  private static final List<String> MODES =
      List.of("sequential", "threads", "processes", "virtual", "async");

  /** "Côte d'Ivoire", the catalogue's one country name that is not ASCII. */
  private static final String IVORY_COAST = "C\u00f4te_d'Ivoire.gif";

  @TempDir Path tmp;

  /** {@code env -i PATH=$PATH LC_ALL=C [extra...] command...}, run to its end. */
  private static LauncherIT.Result inCLocale(Map<String, String> extra, String... command)
      throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>(extra);
    env.put("LC_ALL", "C");
    return LauncherIT.inBareEnvironment(env, command);
  }

  private static LauncherIT.Result flags(Map<String, String> extra, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./flags"));
    command.addAll(List.of(args));
    return inCLocale(extra, command.toArray(String[]::new));
  }

  /** The names in {@code dir}, as {@code ls} prints their bytes, decoded as UTF-8. */
  private static List<String> names(Path dir) throws IOException, InterruptedException {
    LauncherIT.Result ls = inCLocale(Map.of(), "ls", "-1", "-A", dir.toString());
    assertThat(ls.exitCode()).as(ls.err()).isZero();
    return ls.out().lines().toList();
  }

  @Test
  void everyModeSavesAll194UnderTheirUtf8Names() throws Exception {
    for (String mode : MODES) {
      Path dest = tmp.resolve(mode);
      LauncherIT.Result run =
          flags(Map.of(), "--mode", mode, "--metadata", "-a", "-d", dest.toString());
      assertThat(run.exitCode()).as(mode + ": " + run.err()).isZero();
      assertThat(run.err()).as(mode).isEmpty();
      assertThat(run.out()).as(mode).contains("194 flags downloaded.");
      assertThat(names(dest))
          .as(mode)
          .hasSize(194)
          .contains(IVORY_COAST, "Brazil.gif", "United_States_of_America.gif");
    }
  }

  @Test
  void withoutTheCoercionNamesFallBackToAsciiAndSayWhy() throws Exception {
    for (String mode : MODES) {
      Path dest = tmp.resolve(mode);
      LauncherIT.Result run =
          flags(
              Map.of("FLAGS_NO_LOCALE_COERCION", "1"),
              "--mode",
              mode,
              "--metadata",
              "-a",
              "-v",
              "-d",
              dest.toString());
      assertThat(run.exitCode()).as(mode + ": " + run.err()).isZero();
      assertThat(run.out()).as(mode).contains("194 flags downloaded.");
      assertThat(run.err())
          .as(mode)
          .contains("(file names are ANSI_X3.4-1968); saving as Cote_d'Ivoire.gif");
      assertThat(names(dest))
          .as(mode)
          .hasSize(194)
          .contains("Cote_d'Ivoire.gif", "Brazil.gif")
          .doesNotContain(IVORY_COAST);
    }
  }

  @Test
  void aDestinationAndATimelineWithAccentsAreUsable() throws Exception {
    // The accented names are made by bash from their UTF-8 bytes, not by this JVM, whose own
    // locale would decide how it encodes a child's arguments.
    LauncherIT.Result run =
        inCLocale(
            Map.of(),
            "bash",
            "-c",
            "e=$'\\xc3\\xa9'; ./flags -l 3 -d \"$1/dossier-$e\" --timeline \"$1/chronologie-$e.svg\""
                + " && ls -1 \"$1/dossier-$e\"",
            "flags",
            tmp.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("3 flags downloaded.");
    assertThat(run.out().lines().filter(line -> line.endsWith(".gif"))).hasSize(3);
    assertThat(names(tmp)).containsExactlyInAnyOrder("dossier-\u00e9", "chronologie-\u00e9.svg");
  }
}
