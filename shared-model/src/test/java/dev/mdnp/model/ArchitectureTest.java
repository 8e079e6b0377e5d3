package dev.mdnp.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The package rules of style.md §2.1 for the shared model, checked on the compiled classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.mdnp.model";
    private static final String CNM = ROOT + ".cnm";
    private static final String IPAM = ROOT + ".ipam";
    private static final String INSPECT = ROOT + ".inspect";
    private static final String JSON = ROOT + ".json";
    private static final String CLIENT = ROOT + ".client";
    private static final String[] RECORD_PACKAGES = {CNM, IPAM, INSPECT};
    /** What each package's package-info says it may use of mdnp. */
    private static final PackageRules PACKAGES = new PackageRules(ROOT, Map.of(
            CNM, List.of(),
            IPAM, List.of(CNM),
            INSPECT, List.of(),
            JSON, List.of(INSPECT),
            CLIENT, List.of(INSPECT, JSON)));
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyTheMdnpPackagesItsPackageInfoNames() {
        return PACKAGES.tests(CLASSES);
    }

    /** Wire records: values and their JSON names, no I/O, no databind, no HTTP. */
    @Test
    void theRecordPackagesUseOnlyTheJdkAndJacksonAnnotations() {
        classes().that().resideInAnyPackage(RECORD_PACKAGES)
                .should().onlyDependOnClassesThat().resideInAnyPackage(CNM, IPAM, INSPECT,
                        "com.fasterxml.jackson.annotation..", "org.jspecify..", "java.lang..", "java.util..",
                        "java.math..", "java.time..")
                .check(CLASSES);
    }

    @Test
    void jsonUsesOnlyJacksonBeyondTheJdk() {
        classes().that().resideInAPackage(JSON)
                .should().onlyDependOnClassesThat().resideInAnyPackage(JSON, INSPECT, "com.fasterxml.jackson..",
                        "org.jspecify..", "java..")
                .check(CLASSES);
    }

    @Test
    void theClientUsesJettyAndJacksonButNeverJavaFx() {
        classes().that().resideInAPackage(CLIENT)
                .should().onlyDependOnClassesThat().resideInAnyPackage(CLIENT, INSPECT, JSON, "org.eclipse.jetty..",
                        "com.fasterxml.jackson..", "org.jspecify..", "java..")
                .check(CLASSES);
    }

    @Test
    void onlyTheClientUsesJetty() {
        noClasses().that().resideOutsideOfPackage(CLIENT)
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
