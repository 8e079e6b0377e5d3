package dev.mdnp.daemon;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.mdnp.model.client.UnixHttp;
import dev.mdnp.model.client.UnixHttpException;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules of style.md §2.1 for the daemon, checked on the compiled classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.mdnp.daemon";
    private static final String MDNP = "dev.mdnp..";
    private static final String NETLINK = ROOT + ".netlink..";
    private static final String CLI = ROOT + ".cli..";
    private static final String FIREWALL = ROOT + ".dataplane.firewall..";
    private static final String IP = ROOT + ".ip..";
    private static final String CONCURRENT = ROOT + ".concurrent..";
    /** jnr-ffi and jffi, the native backend it loads. */
    private static final String[] FFI = {"jnr..", "com.kenai.jffi.."};
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

    /** The client commands ask the daemon over its socket, and Docker for the doctor; they never hold a service. */
    @Test
    void theCommandLineClientUsesOnlyTheSharedModelAndPicocli() {
        classes().that().resideInAPackage(CLI)
                .should().onlyDependOnClassesThat().resideInAnyPackage(CLI, ROOT + ".dockerapi..", "dev.mdnp.model..",
                        "picocli..", "com.fasterxml.jackson..", "org.jspecify..", "java..")
                .check(CLASSES);
    }

    @Test
    void netlinkKnowsNoOtherMdnpPackageButTheThreadHelpers() {
        noClasses().that().resideInAPackage(NETLINK)
                .should().dependOnClassesThat(resideInAPackage(MDNP).and(resideOutsideOfPackages(NETLINK, CONCURRENT)))
                .check(CLASSES);
    }

    @Test
    void concurrentKnowsNoOtherMdnpPackage() {
        knowsNoOtherMdnpPackage(CONCURRENT).check(CLASSES);
    }

    @Test
    void dockerApiKnowsNoOtherMdnpPackageButTheSharedUnixHttpHelper() {
        noClasses().that().resideInAPackage(ROOT + ".dockerapi..")
                .should().dependOnClassesThat(resideInAPackage(MDNP)
                        .and(resideOutsideOfPackage(ROOT + ".dockerapi.."))
                        .and(DescribedPredicate.not(belongToAnyOf(UnixHttp.class, UnixHttpException.class))))
                .check(CLASSES);
    }

    @Test
    void onlyNetlinkSysUsesJnrFfi() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".netlink.sys..")
                .should().dependOnClassesThat().resideInAnyPackage(FFI)
                .check(CLASSES);
    }

    @Test
    void netlinkWireDoesNoIoAndNoFfi() {
        noClasses().that().resideInAPackage(ROOT + ".netlink.wire..")
                .should().dependOnClassesThat(resideInAnyPackage(FFI)
                        .or(resideInAnyPackage("java.nio.channels..", "java.nio.file.."))
                        .or(belongToAnyOf(File.class, FileDescriptor.class, FileInputStream.class,
                                FileOutputStream.class, FileReader.class, FileWriter.class, RandomAccessFile.class)))
                .check(CLASSES);
    }

    @Test
    void dataplaneKnowsNeitherTheModelNorTheLayersAboveIt() {
        noClasses().that().resideInAPackage(ROOT + ".dataplane..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mdnp.model..", ROOT + ".api..",
                        ROOT + ".driver..", ROOT + ".ipam..", ROOT + ".transport..")
                .check(CLASSES);
    }

    @Test
    void firewallKnowsNoOtherMdnpPackageButTheAddressReader() {
        noClasses().that().resideInAPackage(FIREWALL)
                .should().dependOnClassesThat(resideInAPackage(MDNP)
                        .and(resideOutsideOfPackages(FIREWALL, IP)))
                .check(CLASSES);
    }

    @Test
    void ipKnowsNoOtherMdnpPackage() {
        knowsNoOtherMdnpPackage(IP).check(CLASSES);
    }

    @Test
    void onlyTheFirewallStartsProcesses() {
        noClasses().that().resideOutsideOfPackage(FIREWALL)
                .should().dependOnClassesThat(belongToAnyOf(ProcessBuilder.class))
                .check(CLASSES);
    }

    /** Transport and api are ruled out for the driver by {@link #driverAndIpamKnowNothingOfHttpOrJsonBinding}. */
    @Test
    void driverReachesTheKernelOnlyThroughTheDataplane() {
        noClasses().that().resideInAPackage(ROOT + ".driver..")
                .should().dependOnClassesThat().resideInAPackage(NETLINK)
                .check(CLASSES);
    }

    @Test
    void storeKnowsNoOtherMdnpPackage() {
        noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mdnp.model..", ROOT + ".api..",
                        ROOT + ".driver..", ROOT + ".ipam..", ROOT + ".dataplane..", ROOT + ".netlink..",
                        ROOT + ".transport..", ROOT)
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

    @Test
    void nothingButTheWiringImportsInspect() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".inspect..", ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".inspect..")
                .check(CLASSES);
    }

    private static ArchRule knowsNoOtherMdnpPackage(String packageIdentifier) {
        return noClasses().that().resideInAPackage(packageIdentifier)
                .should().dependOnClassesThat(resideInAPackage(MDNP).and(resideOutsideOfPackage(packageIdentifier)));
    }

    private static boolean holdsOptionKeyLiteral(Path file) {
        try {
            return OPTION_KEY_LITERAL.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
