package dev.flags.cli;

import dev.flags.country.Countries;
import dev.flags.country.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Which flags to download: the book's {@code expand_cc_args}. */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class CodeOptions {
  private static final int MAX_LIMIT = 26 * 26;

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Parameters(
      paramLabel = "CC",
      arity = "0..*",
      description = {
        "Country codes: two letters (BR), or one letter for the 26 codes starting with it (B).",
        "Default: the 20 most populous countries: "
            + "CN IN US ID BR PK NG BD RU JP MX PH VN ET"
            + " EG DE IR TR CD FR (flags bench: all 194)."
      })
  private List<String> args = new ArrayList<>();

  // Two plain options, not an exclusive ArgGroup: picocli's message for a group ("Error: --all,
  // --every are mutually exclusive (specify only one)") is not in the form of the others.
  @Option(
      names = {"-a", "--all"},
      description = "All 194 countries with a flag.")
  private boolean all;

  @Option(
      names = {"-e", "--every"},
      description = "Every code from AA to ZZ (676; most answer 404).")
  private boolean every;

  @Option(
      names = {"-l", "--limit"},
      paramLabel = "N",
      description = "Only the first N codes, after sorting.")
  private Integer limit;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      converter = ShardConverter.class,
      description =
          "Only the I-th of N parts of the codes, after sorting and --limit: codes 1, N+1,"
              + " 2N+1, ... are part 1, codes 2, N+2, ... part 2, and so on; so N runs, I = 1..N,"
              + " download every flag once. 'flags report merge' joins their JSON reports.")
  private Shard shard = Shard.WHOLE;

  /** Which part of the codes this run takes; {@link Shard#WHOLE} unless {@code --shard}. */
  public Shard shard() {
    return shard;
  }

  /** The codes to download, sorted, without duplicates, limited, sharded; validated. */
  public List<String> codes() {
    return codes(Countries.POPULOUS_20);
  }

  /** The same, with {@code whenNoneGiven} when neither codes nor -a/-e are given. */
  public List<String> codes(List<String> whenNoneGiven) {
    if (limit != null && limit < 1) {
      throw usage("--limit must be at least 1, not " + limit);
    }
    if (all && every) {
      throw usage("give --all or --every, not both");
    }
    if ((all || every) && !args.isEmpty()) {
      throw usage("give codes or " + (all ? "--all" : "--every") + ", not both");
    }
    TreeSet<String> codes = new TreeSet<>();
    if (every) {
      codes.addAll(Countries.everyCode());
    } else if (all) {
      codes.addAll(Countries.allCodes());
    } else if (!args.isEmpty()) {
      for (String arg : args) {
        codes.addAll(expand(arg));
      }
    } else {
      codes.addAll(whenNoneGiven);
    }
    List<String> sorted = new ArrayList<>(codes);
    List<String> limited =
        limit == null
            ? sorted
            : sorted.subList(0, Math.min(Math.min(limit, MAX_LIMIT), sorted.size()));
    if (shard.count() > limited.size()) {
      // An empty part would be a run that requests nothing and succeeds: aria2's #637 trap.
      throw usage(
          "--shard "
              + shard
              + ": "
              + limited.size()
              + " codes make at most "
              + limited.size()
              + " shards");
    }
    return shard.of(limited);
  }

  private List<String> expand(String arg) {
    String cc = arg.toUpperCase(Locale.ROOT);
    if (cc.matches("[A-Z]")) {
      return Countries.startingWith(cc.charAt(0));
    }
    if (cc.matches("[A-Z]{2}")) {
      return List.of(cc);
    }
    throw usage("bad country code '" + printable(arg) + "': each CC must be A to Z or AA to ZZ");
  }

  /** Keeps a hostile argument from writing control characters into the error line. */
  static String printable(String text) {
    String shown = oneLine(text);
    return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
  }

  /**
   * The text with its control characters (line breaks, escapes) and line separators shown as {@code
   * ?}: an error message quoting a hostile argument stays one harmless line.
   */
  static String oneLine(String text) {
    return text.codePoints()
        .map(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /** {@code I/N} with 1 <= I <= N; anything else is a usage error that says so. */
  static final class ShardConverter implements ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
      return Shard.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected I/N with 1 <= I <= N, such as 2/3, got '"
                          + printable(value)
                          + "'"));
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
