package dev.flags.server;

import java.util.Optional;

/**
 * What a flag server serves, by path below its base ({@code br/br.gif}, {@code br/metadata.json}).
 */
public interface FlagCatalog {
  Optional<Resource> find(String path);
}
