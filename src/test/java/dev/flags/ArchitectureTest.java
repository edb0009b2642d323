package dev.flags;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packages form layers a newcomer can read bottom-up: a package uses only the layers below its
 * own, never one above, and the packages side by side in one layer do not use each other. No cycle
 * either. docs/development.md ("Layout") states the same order.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.flags");

  /**
   * Bottom-up. {@code dev.flags.download} is that package alone: its {@code pool} is a layer above.
   * {@code dev.flags} alone is the entry point (Main, AotTraining).
   */
  private static final List<List<String>> LAYERS =
      List.of(
          List.of(
              "dev.flags.country..",
              "dev.flags.outcome..",
              "dev.flags.work..",
              "dev.flags.store..",
              "dev.flags.tls.."),
          List.of("dev.flags.http.."),
          List.of("dev.flags.download", "dev.flags.server.."),
          List.of("dev.flags.download.pool..", "dev.flags.report.."),
          List.of("dev.flags.engine.."),
          List.of("dev.flags.bench..", "dev.flags.lesson.."),
          List.of("dev.flags.cli.."),
          List.of("dev.flags"));

  @Test
  void noCycleBetweenPackages() {
    slices().matching("dev.flags.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void everyPackageHasALayer() {
    classes()
        .should()
        .resideInAnyPackage(LAYERS.stream().flatMap(List::stream).toArray(String[]::new))
        .because("a package outside the layers would escape their rules")
        .check(MAIN);
  }

  @TestFactory
  Stream<DynamicTest> noLayerUsesOneAboveIt() {
    return IntStream.range(0, LAYERS.size() - 1)
        .mapToObj(
            i ->
                noDependency(
                    LAYERS.get(i),
                    LAYERS.subList(i + 1, LAYERS.size()).stream().flatMap(List::stream).toList(),
                    "a lower layer serves the ones above it: using one of them would tie it to a"
                        + " command or a run it knows nothing of"));
  }

  @TestFactory
  Stream<DynamicTest> packagesSideBySideDoNotUseEachOther() {
    return LAYERS.stream()
        .filter(layer -> layer.size() > 1)
        .flatMap(
            layer ->
                layer.stream()
                    .map(
                        own ->
                            noDependency(
                                List.of(own),
                                layer.stream().filter(other -> !other.equals(own)).toList(),
                                "the packages of one layer are independent parts: one that needs"
                                    + " another belongs a layer above it")));
  }

  private static DynamicTest noDependency(List<String> from, List<String> to, String because) {
    return DynamicTest.dynamicTest(
        String.join(", ", from) + " uses none of " + String.join(", ", to),
        () ->
            noClasses()
                .that()
                .resideInAnyPackage(from.toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(to.toArray(String[]::new))
                .because(because)
                .check(MAIN));
  }
}
