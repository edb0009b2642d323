package dev.flags.download;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a run fetches and where it puts it: the codes ({@code CC...}, {@code -a}, {@code --shard}),
 * the server ({@code -s}) and the destination ({@code -d}).
 *
 * @param codes the upper-case country codes, in the order they are submitted
 * @param serverLabel what the report calls the server: {@link #EMBEDDED}, LOCAL, ... or {@link
 *     #CUSTOM}
 * @param baseUrl where flags are fetched from ({@code http://127.0.0.1:8000/flags})
 * @param dest the folder flags are saved in, made absolute
 */
public record Fetch(List<String> codes, String serverLabel, String baseUrl, Path dest) {
  /** The label of a server given by its URL. */
  public static final String CUSTOM = "CUSTOM";

  /** The label of the flag server a run starts in its own JVM. */
  public static final String EMBEDDED = "EMBEDDED";

  public Fetch {
    codes = List.copyOf(codes);
    Objects.requireNonNull(serverLabel, "serverLabel");
    Objects.requireNonNull(baseUrl, "baseUrl");
    dest = dest.toAbsolutePath(); // the same folder for worker processes, whatever their cwd
  }

  public Fetch withCodes(List<String> value) {
    return new Fetch(value, serverLabel, baseUrl, dest);
  }

  public Fetch withServer(String label, String url) {
    return new Fetch(codes, label, url, dest);
  }

  public Fetch withDest(Path value) {
    return new Fetch(codes, serverLabel, baseUrl, value);
  }
}
