package dev.mdnp.daemon;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mdnp.model.PackageRules;
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
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The daemon's package rules (docs/architecture.md, "Daemon packages"), checked on the compiled classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.mdnp.daemon";
    private static final String MDNP = "dev.mdnp..";
    private static final String ACTIVATION = ROOT + ".activation";
    private static final String API = ROOT + ".api";
    private static final String CLI = ROOT + ".cli";
    private static final String DOCTOR = CLI + ".doctor";
    private static final String CONCURRENT = ROOT + ".concurrent";
    private static final String CONFIG = ROOT + ".config";
    private static final String DATAPLANE = ROOT + ".dataplane";
    private static final String FIREWALL = DATAPLANE + ".firewall";
    private static final String DOCKERAPI = ROOT + ".dockerapi";
    private static final String DRIVER = ROOT + ".driver";
    private static final String INSPECT = ROOT + ".inspect";
    private static final String IP = ROOT + ".ip";
    private static final String IPAM = ROOT + ".ipam";
    private static final String NAMES = ROOT + ".names";
    private static final String NETLINK = ROOT + ".netlink";
    private static final String NETLINK_SYS = NETLINK + ".sys";
    private static final String NETLINK_WIRE = NETLINK + ".wire";
    private static final String PERSISTENCE = ROOT + ".persistence";
    private static final String RECONCILE = ROOT + ".reconcile";
    private static final String STORE = ROOT + ".store";
    private static final String TRANSPORT = ROOT + ".transport";
    private static final String MODEL_CNM = "dev.mdnp.model.cnm";
    private static final String MODEL_IPAM = "dev.mdnp.model.ipam";
    private static final String MODEL_INSPECT = "dev.mdnp.model.inspect";
    private static final String MODEL_JSON = "dev.mdnp.model.json";
    private static final String MODEL_CLIENT = "dev.mdnp.model.client";
    /** What each package's package-info says it may use of mdnp; a new package fails the build until it has a line. */
    private static final PackageRules PACKAGES = new PackageRules(ROOT, Map.ofEntries(
            entry(ROOT, List.of(MDNP)),
            entry(ACTIVATION, List.of(TRANSPORT)),
            entry(API, List.of(DRIVER, IPAM, MODEL_CNM, MODEL_IPAM, MODEL_INSPECT, MODEL_JSON)),
            entry(CLI, List.of(DOCKERAPI, MODEL_CLIENT, MODEL_INSPECT, MODEL_JSON)),
            entry(DOCTOR, List.of(CLI, CONFIG, DOCKERAPI, MODEL_CLIENT, MODEL_INSPECT)),
            entry(CONCURRENT, List.of()),
            entry(CONFIG, List.of()),
            entry(DATAPLANE, List.of(NETLINK, NETLINK_SYS, NETLINK_WIRE, FIREWALL, IP)),
            entry(FIREWALL, List.of(IP)),
            entry(DOCKERAPI, List.of(MODEL_CLIENT)),
            entry(DRIVER, List.of(MODEL_CNM, DATAPLANE, FIREWALL)),
            entry(INSPECT, List.of(TRANSPORT, API, DRIVER, IPAM, DATAPLANE, FIREWALL, NETLINK, CONCURRENT,
                    MODEL_CNM, MODEL_INSPECT, MODEL_JSON)),
            entry(IP, List.of()),
            entry(IPAM, List.of(MODEL_IPAM, MODEL_CNM, IP)),
            entry(NAMES, List.of(DOCKERAPI, MODEL_INSPECT, MODEL_CLIENT)),
            entry(NETLINK, List.of(NETLINK_WIRE, NETLINK_SYS, CONCURRENT)),
            entry(NETLINK_SYS, List.of(NETLINK_WIRE)),
            entry(NETLINK_WIRE, List.of()),
            entry(PERSISTENCE, List.of(DRIVER, IPAM, STORE, DATAPLANE, FIREWALL, MODEL_CNM)),
            entry(RECONCILE, List.of(DRIVER, IPAM, DOCKERAPI, FIREWALL, MODEL_CNM, MODEL_IPAM)),
            entry(STORE, List.of()),
            entry(TRANSPORT, List.of())));
    /** jnr-ffi and jffi, the native backend it loads. */
    private static final String[] FFI = {"jnr..", "com.kenai.jffi.."};
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    /** A string literal holding an option key, which belongs in OptionKeys only. */
    private static final Pattern OPTION_KEY_LITERAL = Pattern.compile("\"(com\\.docker\\.network|dev\\.mdnp)[.\"]");

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyTheMdnpPackagesItsPackageInfoNames() {
        return PACKAGES.tests(CLASSES);
    }

    @Test
    void driverAndIpamKnowNothingOfHttpOrJsonBinding() {
        noClasses().that().resideInAnyPackage(DRIVER + "..", IPAM + "..")
                .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..",
                        "com.fasterxml.jackson.databind..")
                .check(CLASSES);
    }

    /**
     * The client commands ask the daemon over its socket, and Docker for the doctor, which also reads serve's
     * configuration file; they never hold a service.
     */
    @Test
    void theCommandLineClientUsesOnlyTheSharedModelAndPicocli() {
        classes().that().resideInAPackage(CLI + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(CLI + "..", CONFIG, DOCKERAPI,
                        "dev.mdnp.model..", "picocli..", "com.fasterxml.jackson..", "org.jspecify..", "java..")
                .check(CLASSES);
    }

    @Test
    void dockerApiKnowsNoOtherMdnpPackageButTheSharedUnixHttpHelper() {
        noClasses().that().resideInAPackage(DOCKERAPI)
                .should().dependOnClassesThat(resideInAPackage(MDNP)
                        .and(resideOutsideOfPackage(DOCKERAPI))
                        .and(DescribedPredicate.not(belongToAnyOf(UnixHttp.class, UnixHttpException.class))))
                .check(CLASSES);
    }

    @Test
    void onlyNetlinkSysAndSocketActivationUseJnrFfi() {
        noClasses().that().resideOutsideOfPackages(NETLINK_SYS, ACTIVATION)
                .should().dependOnClassesThat().resideInAnyPackage(FFI)
                .check(CLASSES);
    }

    @Test
    void netlinkWireDoesNoIoAndNoFfi() {
        noClasses().that().resideInAPackage(NETLINK_WIRE)
                .should().dependOnClassesThat(resideInAnyPackage(FFI)
                        .or(resideInAnyPackage("java.nio.channels..", "java.nio.file.."))
                        .or(belongToAnyOf(File.class, FileDescriptor.class, FileInputStream.class,
                                FileOutputStream.class, FileReader.class, FileWriter.class, RandomAccessFile.class)))
                .check(CLASSES);
    }

    @Test
    void onlyTheFirewallAndTheDoctorsSystemctlQueryStartProcesses() {
        noClasses().that().resideOutsideOfPackage(FIREWALL)
                .and().doNotHaveFullyQualifiedName(DOCTOR + ".SystemctlUnits")
                .should().dependOnClassesThat(belongToAnyOf(ProcessBuilder.class))
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
