package dev.flags.storm;

import dev.flags.cli.FlagsCommand;
import dev.flags.download.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import picocli.CommandLine;

/**
 * Command lines for the fuzz (scenario 8), drawn from a seeded {@link Random}: codes and option
 * values that are random strings, huge or odd numbers, unicode, control characters and empty
 * strings, in any order and mix.
 *
 * <p>Each is made safe to run, so that what is tested is how {@code flags} takes it, not what a
 * lucky draw could do to the machine: it downloads into a folder under {@code root} and from the
 * test's local server (unless {@code -d} or {@code -s} are what is drawn, and then only with values
 * that stay under {@code root} and on 127.0.0.1), with a deadline (unless {@code --deadline} is
 * drawn); no draw names a subcommand ({@code serve} would run until stopped), help, version or an
 * {@code @file}.
 */
final class HostileInputs {
  private static final Set<String> SUBCOMMANDS =
      new CommandLine(new FlagsCommand()).getSubcommands().keySet();

  private static final List<String> OPTIONS =
      List.of(
          "-m",
          "--max-req",
          "-l",
          "--limit",
          "--timeout",
          "--retries",
          "--backoff",
          "--max-retry-wait",
          "--deadline",
          "--max-bytes",
          "--mode",
          "--format",
          "-s",
          "--server",
          "--server-delay",
          "--server-error-rate",
          "--server-fault",
          "--server-seed",
          "-d",
          "--dest",
          "--timeline");
  private static final List<String> SWITCHES =
      List.of(
          "-a",
          "-e",
          "-v",
          "-q",
          "--all",
          "--every",
          "--skip-existing",
          "--update",
          "--metadata",
          "-ae",
          "-vq",
          "--",
          "-",
          "---",
          "-x",
          "--nope",
          "--mode=",
          "--format=JSON",
          "-m0",
          "--timeout=0.5",
          "-l3");
  private static final List<String> ODD =
      List.of(
          "",
          " ",
          "0",
          "-1",
          "1",
          "2",
          "30",
          "1000",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "99999999999999999999999",
          "1e309",
          "-0",
          "0.0",
          "NaN",
          "Infinity",
          "-Infinity",
          "1e-300",
          "0x10",
          "1_000",
          "1,5",
          "½",
          "١٢",
          "１２",
          "\u0662",
          "sequential",
          "threads",
          "virtual",
          "processes",
          "async",
          "THREADS",
          "json",
          "csv",
          "text",
          "EMBEDDED",
          "embedded",
          "REMOTE?",
          "BR",
          "br",
          "Br",
          "B",
          "ZZ",
          "AAA",
          "B1",
          "ß",
          "ı",
          "ǅ",
          "ＢＲ",
          "\u202Ebr",
          "b\u0301",
          "🇧🇷",
          "\u0000",
          "\t",
          "\n",
          "\r\n",
          "\u001b[2J",
          "\u007f",
          "\u0085",
          "\u2028",
          "\ud800",
          "..",
          "../..",
          "/",
          "C:\\",
          "%s%n",
          "${jndi:ldap://x}",
          "'\"",
          "reset:0.5",
          "reset:2",
          "stall:1",
          "status-503:0.5,reset:0.6",
          "500..5000",
          "5000..500",
          "3600001",
          "0..0",
          "a:b:c");
  private static final List<String> CODES =
      List.of("BR", "br", "Zz", "QQ", "A", "z", "ß", "CN", "IN", "us", "ID", "Y");
  private static final List<String> PLAUSIBLE_SWITCHES =
      List.of("-a", "-e", "-v", "-q", "--skip-existing", "--update", "--metadata", "-l3");

  /** Three sensible values for each option. */
  private static final Map<String, List<String>> PLAUSIBLE =
      Map.ofEntries(
          Map.entry("-m", List.of("1", "7", "1000")),
          Map.entry("--max-req", List.of("2", "64", "100000")),
          Map.entry("-l", List.of("1", "30", "676")),
          Map.entry("--limit", List.of("5", "200", "1000")),
          Map.entry("--timeout", List.of("0.5", "2", "86400")),
          Map.entry("--retries", List.of("0", "3", "100")),
          Map.entry("--backoff", List.of("0", "0.01", "0.2")),
          Map.entry("--max-retry-wait", List.of("0", "0.05", "10")),
          Map.entry("--deadline", List.of("0.5", "2", "5")),
          Map.entry("--max-bytes", List.of("1", "5000", "10485760")),
          Map.entry("--mode", List.of(Mode.SEQUENTIAL.label(), "THREADS", Mode.ASYNC.label())),
          Map.entry("--format", List.of("json", "CSV", "text")),
          Map.entry("--server-delay", List.of("0", "1..5", "10")),
          Map.entry("--server-error-rate", List.of("0", "0.3", "1")),
          Map.entry(
              "--server-fault", List.of("reset:0.1", "garbage:0.2,truncated:0.2", "status-429:1")),
          Map.entry("--server-seed", List.of("0", "-7", "9223372036854775807")));

  private static final List<String> SERVERS =
      List.of(
          "http://",
          "http://127.0.0.1:1/flags",
          "https://127.0.0.1:1/flags",
          "ftp://127.0.0.1/x",
          "http://[::1",
          "http://127.0.0.1:99999/flags",
          "file:///etc/passwd",
          "javascript:x",
          "http://user:pass@127.0.0.1:1/",
          "HTTP://127.0.0.1:1/FLAGS",
          "EMBEDDED",
          "local?");

  private final Random random;
  private final Path root;
  private final String serverUrl;
  private int count;

  HostileInputs(long seed, Path root, String serverUrl) {
    this.random = new Random(seed);
    this.root = root;
    this.serverUrl = serverUrl;
  }

  /** The next command line, and the destination folder it uses. */
  Input next() {
    count++;
    Path dest = root.resolve("dest-" + count);
    List<String> args = new ArrayList<>();
    boolean ownDest = false;
    boolean ownServer = false;
    boolean ownDeadline = false;
    // Two in five lines are plausible, with at most one odd value, so that many get past the
    // checks and run; the others are hostile throughout.
    boolean plausible = random.nextInt(5) < 2;
    int items = 1 + random.nextInt(5);
    for (int i = 0; i < items; i++) {
      switch (random.nextInt(4)) {
        case 0 -> args.add(plausible ? pick(CODES) : code());
        case 1 -> args.add(pick(plausible ? PLAUSIBLE_SWITCHES : SWITCHES));
        default -> {
          String option = pick(OPTIONS);
          String value;
          if (option.equals("-d") || option.equals("--dest")) {
            dest = root.resolve("dest-" + count + "-" + plainText());
            value = dest.toString();
            ownDest = true;
          } else if (option.equals("-s") || option.equals("--server")) {
            value = random.nextBoolean() ? pick(SERVERS) : text().replace("://", "");
            ownServer = true;
          } else if (option.equals("--timeline")) {
            value =
                root.resolve(
                        "timeline-" + count + pick(List.of(".svg", ".png", ".html", ".txt", "")))
                    .toString();
          } else if (plausible && i > 0) {
            value = PLAUSIBLE.getOrDefault(option, List.of("1")).get(random.nextInt(3));
          } else {
            value = random.nextBoolean() ? pick(ODD) : text();
          }
          ownDeadline |= option.equals("--deadline");
          if (random.nextInt(4) == 0 && option.startsWith("--")) {
            args.add(option + "=" + value);
          } else {
            args.add(option);
            args.add(value);
          }
        }
      }
    }
    args.removeIf(arg -> SUBCOMMANDS.contains(arg) || arg.startsWith("@"));
    if (!ownDest) {
      args.addAll(List.of("-d", dest.toString()));
    }
    if (!ownServer) {
      args.addAll(List.of("-s", serverUrl));
    }
    if (!ownDeadline) {
      args.addAll(List.of("--deadline", "5"));
    }
    return new Input(args, dest);
  }

  /** A command line and the folder it downloads into (when it downloads). */
  record Input(List<String> args, Path dest) {
    String[] array() {
      return args.toArray(String[]::new);
    }

    /** The same with NUL characters dropped: a process's arguments cannot hold them. */
    Input withoutNul() {
      return new Input(args.stream().map(arg -> arg.replace("\u0000", "")).toList(), dest);
    }

    /** For messages: the arguments with their control characters shown. */
    @Override
    public String toString() {
      StringBuilder shown = new StringBuilder();
      for (String arg : args) {
        shown.append(" '");
        arg.codePoints()
            .forEach(
                c -> {
                  if (Character.isISOControl(c)) {
                    shown.append(String.format("\\u%04x", c));
                  } else {
                    shown.appendCodePoint(c);
                  }
                });
        shown.append('\'');
      }
      return shown.toString().strip();
    }
  }

  private String code() {
    return switch (random.nextInt(3)) {
      case 0 -> pick(ODD);
      case 1 -> text();
      default -> String.valueOf((char) ('A' + random.nextInt(26)));
    };
  }

  /** 0 to 12 characters: letters, digits, punctuation, control characters, any unicode. */
  private String text() {
    int length = random.nextInt(13);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int c =
          switch (random.nextInt(5)) {
            case 0 -> 'A' + random.nextInt(26);
            case 1 -> 0x20 + random.nextInt(0x5f);
            case 2 -> random.nextInt(0x20);
            case 3 -> 0xa0 + random.nextInt(0x2fff);
            default -> random.nextInt(Character.MAX_CODE_POINT + 1);
          };
      if (Character.isSurrogate((char) c) && c < 0x10000) {
        c = '?';
      }
      text.appendCodePoint(c);
    }
    return text.toString();
  }

  /** Text that is safe as the last part of a folder name under root: no separator, no dots. */
  private String plainText() {
    return text().replaceAll("[/\\\\.\\x00]", "_");
  }

  private String pick(List<String> list) {
    return list.get(random.nextInt(list.size()));
  }
}
