package dev.flags.country;

/**
 * One country as the book's {@code metadata.json} describes it.
 *
 * @param cc ISO 3166 two-letter code, upper case ({@code BR})
 * @param tld country-code top-level domain ({@code .br})
 * @param gec CIA World Factbook code ({@code BR})
 * @param name English short name ({@code Brazil})
 */
public record Country(String cc, String tld, String gec, String name) {}
