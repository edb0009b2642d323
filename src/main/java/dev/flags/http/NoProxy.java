package dev.flags.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts {@code no_proxy} exempts from the proxy, matched as curl matches them: a
 * comma-separated list where {@code *} alone exempts every host; a name exempts itself and every
 * name under it ({@code example.com} and {@code .example.com} both match {@code example.com} and
 * {@code www.example.com}, never {@code notexample.com}); an IP address, IPv6 without brackets,
 * exempts itself, or a whole network in CIDR form ({@code 10.0.0.0/8}). Names are never resolved:
 * {@code localhost} does not exempt {@code 127.0.0.1}.
 */
record NoProxy(boolean everything, List<String> names, List<Network> networks) {

  static NoProxy parse(String list) {
    List<String> names = new ArrayList<>();
    List<Network> networks = new ArrayList<>();
    boolean everything = false;
    for (String raw : list.split(",", -1)) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.equals("*")) {
        everything = true;
      } else if (!entry.isEmpty()) {
        Network.parse(entry).ifPresentOrElse(networks::add, () -> names.add(trimDots(entry)));
      }
    }
    return new NoProxy(everything, List.copyOf(names), List.copyOf(networks));
  }

  /** Whether {@code host} (as in a URL: an IPv6 address may be in brackets) goes direct. */
  boolean matches(String host) {
    if (everything) {
      return true;
    }
    String plain = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress address = Network.literal(plain);
    if (address != null) {
      return networks.stream().anyMatch(network -> network.contains(address));
    }
    String name = trimDots(plain.toLowerCase(Locale.ROOT));
    return names.stream().anyMatch(entry -> name.equals(entry) || name.endsWith("." + entry));
  }

  private static String trimDots(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && name.charAt(start) == '.') {
      start++;
    }
    while (end > start && name.charAt(end - 1) == '.') {
      end--;
    }
    return name.substring(start, end);
  }

  /** An address and how many of its leading bits must match: {@code 192.168.0.0/16}. */
  record Network(InetAddress address, int bits) {
    static Optional<Network> parse(String entry) {
      int slash = entry.indexOf('/');
      InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (address == null) {
        return Optional.empty();
      }
      int all = address.getAddress().length * 8;
      int bits = all;
      if (slash >= 0) {
        try {
          bits = Math.clamp(Integer.parseInt(entry.substring(slash + 1)), 0, all);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      return Optional.of(new Network(address, bits));
    }

    boolean contains(InetAddress candidate) {
      byte[] other = candidate.getAddress();
      byte[] own = address.getAddress();
      if (other.length != own.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((other[bit / 8] & mask) != (own[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    /** The address {@code text} spells (never a DNS lookup), or null if it is a host name. */
    static InetAddress literal(String text) {
      try {
        return InetAddress.ofLiteral(text);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
