package dev.mdnp.daemon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules of style.md §2.1 for the daemon, checked on the compiled classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.mdnp.daemon";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    /** A string literal holding an option key, which belongs in OptionKeys only. */
    private static final Pattern OPTION_KEY_LITERAL = Pattern.compile("\"(com\\.docker\\.network|dev\\.mdnp)[.\"]");

    @Test
    void transportKnowsNoOtherMdnpPackage() {
        noClasses().that().resideInAPackage(ROOT + ".transport..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mdnp.model..", ROOT + ".api..",
                        ROOT + ".driver..", ROOT + ".ipam..", ROOT)
                .check(CLASSES);
    }

    @Test
    void driverAndIpamKnowNothingOfHttpOrJsonBinding() {
        noClasses().that().resideInAnyPackage(ROOT + ".driver..", ROOT + ".ipam..")
                .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..",
                        "com.fasterxml.jackson.databind..", ROOT + ".api..", ROOT + ".transport..")
                .check(CLASSES);
    }

    @Test
    void ipamDoesNotKnowTheNetworkDriver() {
        noClasses().that().resideInAPackage(ROOT + ".ipam..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".driver..")
                .check(CLASSES);
    }

    @Test
    void apiDoesNotKnowTheTransport() {
        noClasses().that().resideInAPackage(ROOT + ".api..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".transport..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheWiringPackage() {
        noClasses().that().resideOutsideOfPackage(ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void optionKeysAreWrittenOnlyInOptionKeys() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(ArchitectureTest::holdsOptionKeyLiteral)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).as("use the constants of dev.mdnp.model.cnm.OptionKeys").isEmpty();
    }

    private static boolean holdsOptionKeyLiteral(Path file) {
        try {
            return OPTION_KEY_LITERAL.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
