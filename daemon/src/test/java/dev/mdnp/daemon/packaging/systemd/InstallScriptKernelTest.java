package dev.mdnp.daemon.packaging.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.HostCommand;
import dev.mdnp.daemon.testsupport.Privilege;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/install --root} and {@code scripts/uninstall --root} on staged trees: install places exactly the
 * documented files and lists them, uninstall removes exactly those and keeps the state and the configuration unless
 * {@code --purge}, both can run again, installing again keeps an edited configuration, and bad input changes nothing.
 */
@Tag("kernel")
@ExtendWith(StagedInstallExtension.class)
class InstallScriptKernelTest {

    private static final String MANIFEST = "/opt/mdnp/.installed-files";
    private static final String CONFIG = "/etc/mdnp/mdnp.conf";
    private static final String STATE_FILE = "/var/lib/mdnp/mdnp/state.db";

    @TempDir
    Path dir;

    @BeforeEach
    void requireRoot() {
        Privilege.require(Privilege.isRoot(), "the install scripts need root");
    }

    @Test
    void stagesExactlyTheDocumentedFilesAndListsThem(StagedInstall staged) throws Exception {
        Path root = staged.root();
        List<String> listed = Files.readAllLines(root.resolve(MANIFEST.substring(1)));

        assertThat(files(root)).isEqualTo(expectedFiles(listed));
        assertThat(listed).contains("bin/mdnp", "jre/bin/java", "mdnp-daemon.jar", "jvm.options", "mdnp.jsa",
                "/usr/local/bin/mdnp", "/etc/systemd/system/mdnp.service", "/etc/systemd/system/mdnp.socket");
        assertThat(Files.readSymbolicLink(root.resolve("usr/local/bin/mdnp"))).isEqualTo(Path.of("/opt/mdnp/bin/mdnp"));
        assertThat(Files.isExecutable(staged.app().resolve("bin/mdnp"))).isTrue();
        for (String unit : List.of("mdnp.service", "mdnp.socket")) {
            assertThat(root.resolve("etc/systemd/system/" + unit))
                    .hasSameTextualContentAs(staged.repository().resolve("packaging/systemd/" + unit));
        }
        assertThat(root.resolve(CONFIG.substring(1)))
                .hasSameTextualContentAs(staged.repository().resolve("daemon/src/main/dist/mdnp.conf"));
        System.out.printf("install --root took %d s; /opt/mdnp holds %d files%n", staged.took().toSeconds(),
                listed.size() - 3);
    }

    @Test
    void launcherRunsTheJavaCommandLineOfTheRuntimeScript(StagedInstall staged) throws Exception {
        String javaCommand = HostCommand.ok("bash", "-c", "cd \"$0\" && source scripts/lib/runtime.sh"
                + " && runtime_java_command /opt/mdnp | paste -sd ' '", staged.repository().toString());

        assertThat(Files.readAllLines(staged.app().resolve("bin/mdnp")))
                .contains("exec " + javaCommand + " \"$@\"");
    }

    @Test
    void uninstallRemovesWhatInstallPlacedAndKeepsStateAndConfigurationUntilPurge(StagedInstall staged)
            throws Exception {
        Path root = dir.resolve("root");
        staged.copyTo(root);
        writeState(root);

        HostCommand.Result first = StagedInstall.uninstall(staged.repository(), root);
        Set<String> afterFirst = files(root);
        HostCommand.Result second = StagedInstall.uninstall(staged.repository(), root);
        Set<String> afterSecond = files(root);
        HostCommand.Result purge = StagedInstall.uninstall(staged.repository(), root, "--purge");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(afterFirst).containsExactly(CONFIG, STATE_FILE);
        assertThat(root.resolve("opt/mdnp")).doesNotExist();
        assertThat(first.out()).contains("kept the state", "kept the configuration");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("nothing installed");
        assertThat(afterSecond).isEqualTo(afterFirst);
        assertThat(purge.exitCode()).as(purge.err()).isZero();
        assertThat(files(root)).isEmpty();
        assertThat(root.resolve("var/lib/mdnp")).doesNotExist();
        assertThat(root.resolve("etc/mdnp")).doesNotExist();
    }

    @Test
    void uninstallLeavesFilesItDidNotInstall(StagedInstall staged) throws Exception {
        Path root = dir.resolve("root");
        staged.copyTo(root);
        Files.writeString(root.resolve("opt/mdnp/operator-notes"), "mine");
        Files.writeString(root.resolve("opt/mdnp/.installed-files"), "../../etc/passwd\n/etc/hosts\n",
                StandardOpenOption.APPEND);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "not mdnp's");

        HostCommand.Result result = StagedInstall.uninstall(staged.repository(), root);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("names ../../etc/passwd, which is not a file mdnp installs",
                "names /etc/hosts, which is not a file mdnp installs", "holds files mdnp did not install");
        assertThat(files(root)).containsExactlyInAnyOrder("/opt/mdnp/operator-notes", "/etc/hosts", CONFIG);
    }

    @Test
    void installingAgainReplacesTheApplicationAndKeepsAnEditedConfiguration(StagedInstall staged) throws Exception {
        Path root = dir.resolve("root");
        staged.copyTo(root);
        Path config = root.resolve(CONFIG.substring(1));
        Files.writeString(config, "log-level = debug\n", StandardOpenOption.APPEND);
        String edited = Files.readString(config);
        writeState(root);

        HostCommand.Result again = StagedInstall.install(staged.repository(), root);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("kept the configuration", "removed the files of the previous install");
        assertThat(Files.readString(config)).isEqualTo(edited);
        Set<String> expected = new TreeSet<>(expectedFiles(Files.readAllLines(root.resolve(MANIFEST.substring(1)))));
        expected.add(STATE_FILE);
        assertThat(files(root)).as("nothing of the old tree or the build is left beside the new one")
                .isEqualTo(expected);
    }

    @Test
    void installRefusesAnApplicationDirectoryItDidNotInstallAndChangesNothing() throws Exception {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("opt/mdnp"));
        Files.writeString(root.resolve("opt/mdnp/someone-elses"), "x");

        HostCommand.Result result = StagedInstall.install(Path.of("..").toRealPath(), root);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("was not installed by scripts/install", "move it away first");
        assertThat(files(root)).containsExactly("/opt/mdnp/someone-elses");
        try (Stream<Path> opt = Files.list(root.resolve("opt"))) {
            assertThat(opt).containsExactly(root.resolve("opt/mdnp"));
        }
    }

    @Test
    void bothScriptsRefuseAnUnknownArgumentAndChangeNothing() throws Exception {
        Path repository = Path.of("..").toRealPath();
        Path root = dir.resolve("root");

        HostCommand.Result install = StagedInstall.install(repository, root, "--bogus");
        HostCommand.Result uninstall = StagedInstall.uninstall(repository, root, "--bogus");

        assertThat(install.exitCode()).isNotZero();
        assertThat(install.err()).contains("unknown argument: --bogus");
        assertThat(uninstall.exitCode()).isNotZero();
        assertThat(uninstall.err()).contains("unknown argument: --bogus");
        assertThat(root).doesNotExist();
    }

    private static void writeState(Path root) throws IOException {
        Path state = root.resolve(STATE_FILE.substring(1));
        Files.createDirectories(state.getParent());
        Files.writeString(state, "state");
    }

    /** The files a manifest accounts for: its entries, the manifest itself and the configuration. */
    private static Set<String> expectedFiles(List<String> listed) {
        Set<String> expected = listed.stream().map(entry -> entry.startsWith("/") ? entry : "/opt/mdnp/" + entry)
                .collect(Collectors.toCollection(TreeSet::new));
        expected.add(MANIFEST);
        expected.add(CONFIG);
        return expected;
    }

    /** Every regular file and symbolic link under {@code root}, as an absolute path on the target. */
    private static Set<String> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                            || Files.isSymbolicLink(path))
                    .map(path -> "/" + root.relativize(path))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
