package dev.mdnp.model;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A module's package table, checked with ArchUnit: each package names the mdnp packages it may depend on, as its
 * {@code package-info} says, and a package that is not in the table fails the build until it gets its line. Shared
 * with the daemon's architecture test through this module's test jar.
 *
 * @param root the module's root package, such as {@code dev.mdnp.model}
 * @param allowed for each package of the module (exact names), the mdnp packages it may depend on, in ArchUnit's
 *     package syntax ({@code ..} for subpackages); its own package is always allowed
 */
public record PackageRules(String root, Map<String, List<String>> allowed) {

    private static final String MDNP = "dev.mdnp..";

    /** Copies the table. */
    public PackageRules {
        allowed = Map.copyOf(allowed);
    }

    /**
     * Returns the table's tests on {@code classes}: one per package (its classes use no mdnp package beyond its
     * line), and one that the packages under the root are exactly those of the table.
     */
    public Stream<DynamicTest> tests(JavaClasses classes) {
        Stream<DynamicTest> rules = allowed.entrySet().stream()
                .map(entry -> rule(entry.getKey(), entry.getValue()))
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
        return Stream.concat(rules, Stream.of(DynamicTest.dynamicTest("every package has a line in the table",
                () -> assertEveryPackageHasARule(classes))));
    }

    private void assertEveryPackageHasARule(JavaClasses classes) {
        TreeSet<String> packages = new TreeSet<>();
        for (JavaClass type : classes) {
            if (type.getPackageName().equals(root) || type.getPackageName().startsWith(root + ".")) {
                packages.add(type.getPackageName());
            }
        }
        assertThat(packages).as("the packages under %s: each needs a line in the package table, which says what it"
                + " may depend on as its package-info does", root).isEqualTo(new TreeSet<>(allowed.keySet()));
    }

    private static ArchRule rule(String pkg, List<String> mayUse) {
        String[] own = Stream.concat(Stream.of(pkg), mayUse.stream()).toArray(String[]::new);
        String described = mayUse.isEmpty() ? "itself" : String.join(", ", mayUse);
        return noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat(resideInAPackage(MDNP)
                        .and(DescribedPredicate.not(resideInAnyPackage(own))))
                .as(pkg + " depends on no mdnp package but " + described);
    }
}
