package dev.flags.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The split of {@code --shard}: disjoint, complete, balanced, round-robin. */
class ShardSplitTest {
  @Test
  void theNPartsOfAnyListAreDisjointCompleteAndDifferByAtMostOne() {
    for (int size = 1; size <= 40; size++) {
      List<Integer> all = IntStream.range(0, size).boxed().toList();
      for (int count = 1; count <= size; count++) {
        List<Integer> joined = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
          List<Integer> part = new Shard(index, count).of(all);
          joined.addAll(part);
          sizes.add(part.size());
        }
        assertThat(joined).as("%d in %d parts", size, count).hasSameElementsAs(all);
        assertThat(joined).doesNotHaveDuplicates();
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow())
            .isLessThanOrEqualTo(sizes.stream().mapToInt(Integer::intValue).min().orElseThrow() + 1)
            .isGreaterThanOrEqualTo(1);
      }
    }
  }

  @Test
  void partITakesPositionsIThenIPlusN() {
    List<String> codes = List.of("AA", "AB", "AC", "AD", "AE", "AF", "AG");
    assertThat(new Shard(1, 3).of(codes)).containsExactly("AA", "AD", "AG");
    assertThat(new Shard(2, 3).of(codes)).containsExactly("AB", "AE");
    assertThat(new Shard(3, 3).of(codes)).containsExactly("AC", "AF");
    assertThat(Shard.WHOLE.of(codes)).isEqualTo(codes);
  }

  @Test
  void onlyINWithIFrom1ToNParses() {
    assertThat(Shard.parse("2/3")).contains(new Shard(2, 3));
    assertThat(Shard.parse("1/1")).contains(Shard.WHOLE);
    assertThat(Shard.parse("3/3").orElseThrow().toString()).isEqualTo("3/3");
    for (String bad :
        List.of(
            "0/3",
            "4/3",
            "1/0",
            "x/y",
            "1/3/4",
            "",
            "2",
            "-1/3",
            " 1/3",
            "1/3 ",
            "99999999999/3",
            "1/99999999999")) {
      assertThat(Shard.parse(bad)).as(bad).isEmpty();
    }
  }
}
