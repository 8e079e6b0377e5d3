package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs real, harmless processes ({@code sh}, {@code sleep}), so it needs a POSIX system. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessCommandRunnerTest {

    private static final String PATH = IptablesFirewall.DEFAULT_PATH;

    private final RecordingCommandListener listener = new RecordingCommandListener();
    @TempDir
    Path scratch;
    private ProcessCommandRunner runner;

    @BeforeEach
    void createRunner() {
        runner = new ProcessCommandRunner(List.of(), Duration.ofSeconds(10), listener, PATH, scratch);
    }

    /** Input, output and error are files in the scratch directory, never in /tmp, and live only while it runs. */
    @Test
    void keepsTheCommandsFilesInTheScratchDirectoryWhileItRuns() {
        CommandResult result = runner.run(List.of("readlink", "/proc/self/fd/0", "/proc/self/fd/1",
                "/proc/self/fd/2"), "*filter\nCOMMIT\n");

        assertThat(result.stdout().lines().map(Path::of)).hasSize(3).allSatisfy(file -> {
            assertThat(file.getParent()).isEqualTo(scratch);
            assertThat(file.getFileName().toString()).startsWith("mdnp-fw-");
        });
        assertThat(scratch).isEmptyDirectory();
    }

    /** A scratch directory that cannot take the files (full, read-only, gone) is named in the failure. */
    @Test
    void aScratchDirectoryThatCannotTakeTheFilesIsNamedInTheFailure() {
        Path gone = scratch.resolve("gone");
        ProcessCommandRunner cannotWrite = new ProcessCommandRunner(List.of(), Duration.ofSeconds(10), listener,
                PATH, gone);

        assertThatThrownBy(() -> cannotWrite.run(List.of("true"), "*filter\nCOMMIT\n"))
                .isInstanceOf(FirewallException.class)
                .hasMessageStartingWith("cannot run true: cannot write its files in " + gone + ": ");
    }

    @Test
    void capturesExitStatusStdoutAndStderr() {
        CommandResult result = runner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), "");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void putsThePrefixBeforeEveryCommand() {
        ProcessCommandRunner prefixed = new ProcessCommandRunner(List.of("env", "MDNP_FW_TEST=prefixed"),
                Duration.ofSeconds(10), CommandListener.NONE, PATH, scratch);

        CommandResult result = prefixed.run(List.of("sh", "-c", "echo $MDNP_FW_TEST"), "");

        assertThat(result.stdout()).isEqualTo("prefixed\n");
        assertThat(result.command()).startsWith("env", "MDNP_FW_TEST=prefixed", "sh");
    }

    @Test
    void readsOutputLargerThanAPipeHolds() {
        CommandResult result = runner.run(List.of("sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x"), "");

        assertThat(result.stdout()).hasSize(1_000_000);
    }

    @Test
    void killsACommandThatOutlivesItsTimeout() {
        ProcessCommandRunner impatient =
                new ProcessCommandRunner(List.of(), Duration.ofMillis(200), listener, PATH, scratch);

        // The shell tells its pid, then becomes the sleep.
        List<String> sleeper = List.of("sh", "-c", "echo $$ >&2; exec sleep 30");

        assertThatThrownBy(() -> impatient.run(sleeper, ""))
                .isInstanceOfSatisfying(FirewallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FirewallException.Reason.TIMED_OUT);
                    assertThat(ProcessHandle.of(Long.parseLong(e.stderr().strip())))
                            .as("the sleep, killed and reaped").isEmpty();
                })
                .hasMessageContaining("exec sleep 30");
        assertThat(listener.events()).containsExactly("failed TIMED_OUT sh -c \"echo $$ >&2; exec sleep 30\"");
    }

    @Test
    void reportsAProgramThatCannotStartAsUnavailable() {
        assertThatThrownBy(() -> runner.run(List.of("mdnp-no-such-program", "-x"), ""))
                .isInstanceOfSatisfying(FirewallException.class,
                        e -> assertThat(e.reason()).isEqualTo(FirewallException.Reason.UNAVAILABLE))
                .hasMessageStartingWith("cannot run mdnp-no-such-program -x");
        assertThat(listener.events()).containsExactly("failed UNAVAILABLE mdnp-no-such-program -x");
    }

    @Test
    void tellsTheListenerEveryFinishedCommandWithItsDuration() {
        runner.run(List.of("true"), "");
        runner.run(List.of("sh", "-c", "exit 1"), "");

        assertThat(listener.events()).containsExactly("finished 0 true", "finished 1 sh -c \"exit 1\"");
        assertThat(listener.durations()).allMatch(took -> took.compareTo(Duration.ZERO) > 0);
    }

    @Test
    void findsOnlyExecutableFilesOnItsSearchPath(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("tool"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(dir.resolve("data"));
        ProcessCommandRunner searching = new ProcessCommandRunner(List.of(), Duration.ofSeconds(1),
                CommandListener.NONE, "/nonexistent:" + dir, scratch);

        assertThat(searching.isInstalled("tool")).isTrue();
        assertThat(searching.isInstalled("data")).isFalse();
        assertThat(searching.isInstalled("absent")).isFalse();
    }
}
