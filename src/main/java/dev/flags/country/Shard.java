package dev.flags.country;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code index}-th of {@code count} disjoint parts of a code list ({@code --shard I/N}), so
 * that N runs, one per part, download every flag exactly once. The split is round-robin over the
 * sorted list: the codes at positions I, I+N, I+2N, ... (counting from 1) form part I. It is stable
 * (it depends only on the list), balanced (parts differ by at most one code), and mixes the
 * alphabet, so with {@code --every} each part gets its share of real flags and of 404s.
 *
 * @param index which part, from 1
 * @param count how many parts, from 1
 */
public record Shard(int index, int count) {
  /** The whole list: a run that is not sharded is its own only shard. */
  public static final Shard WHOLE = new Shard(1, 1);

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("not a shard: " + index + "/" + count);
    }
  }

  /** {@code 2/3}; empty unless it is I/N with 1 &lt;= I &lt;= N. */
  public static Optional<Shard> parse(String text) {
    Matcher matcher = FORM.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(matcher.group(1));
    int count = Integer.parseInt(matcher.group(2));
    return count >= 1 && index >= 1 && index <= count
        ? Optional.of(new Shard(index, count))
        : Optional.empty();
  }

  /** This part of {@code all}, in its order. */
  public <T> List<T> of(List<T> all) {
    List<T> part = new ArrayList<>(all.size() / count + 1);
    for (int i = index - 1; i < all.size(); i += count) {
      part.add(all.get(i));
    }
    return List.copyOf(part);
  }

  public boolean whole() {
    return count == 1;
  }

  /** As the option takes it: {@code 2/3}. */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
