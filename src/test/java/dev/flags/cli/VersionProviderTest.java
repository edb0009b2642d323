package dev.flags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version} names the release, the commit and the JVM. */
class VersionProviderTest {

  @Test
  void namesTheReleaseFromThePomAndTheCommitFromGit() {
    String[] lines = VersionProvider.lines();
    // flags.version: the pom's, handed to the tests by surefire.
    assertThat(lines[0])
        .matches(
            "flags "
                + Pattern.quote(System.getProperty("flags.version"))
                + " \\(commit [0-9a-f]{7,}\\)");
    assertThat(lines[1]).startsWith("Java " + Runtime.version().feature());
  }

  @Test
  void aBuildOutsideGitSaysSo() {
    assertThat(VersionProvider.commit("")).isEqualTo("commit unknown: built outside git");
    assertThat(VersionProvider.commit(null)).isEqualTo("commit unknown: built outside git");
    assertThat(VersionProvider.commit("1a2b3c4")).isEqualTo("commit 1a2b3c4");
  }
}
