package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Throw-away network namespaces named {@code mdnptfw-<random>[-suffix]}, created with {@code ip netns add} and all
 * deleted by {@link #close()}, even after a failure. Only kernel tests use it; the firewall itself never runs
 * {@code ip}. Not thread-safe.
 */
final class Namespaces implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Where the tests' runners keep their command files: the JVM's temporary directory, which the build cleans. */
    static final Path SCRATCH = Path.of(System.getProperty("java.io.tmpdir"));

    private final ProcessCommandRunner host = hostRunner();
    private final String base;
    private final List<String> created = new ArrayList<>();

    Namespaces() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        base = "mdnptfw-" + HexFormat.of().formatHex(random);
    }

    /** Returns a runner in the host namespace; used only for {@code ip netns} and {@code ip -n}. */
    static ProcessCommandRunner hostRunner() {
        return new ProcessCommandRunner(List.of(), TIMEOUT, CommandListener.NONE, IptablesFirewall.DEFAULT_PATH,
                SCRATCH);
    }

    /**
     * Creates the namespace {@code mdnptfw-<random><suffix>} and checks that it is private: only {@code lo} in it.
     *
     * @return its name
     */
    String create(String suffix) {
        String name = base + suffix;
        created.add(name);
        host("ip", "netns", "add", name);
        assertThat(host("ip", "-n", name, "-o", "link", "show").stdout().lines()
                .map(line -> line.split(": ")[1]))
                .as("a fresh namespace holds only lo")
                .containsExactly("lo");
        return name;
    }

    /** Returns the prefix that runs a command inside {@code name}. */
    static List<String> prefix(String name) {
        return List.of("ip", "netns", "exec", name);
    }

    /** Returns a runner whose commands run inside {@code name}. */
    static ProcessCommandRunner runnerIn(String name) {
        return new ProcessCommandRunner(prefix(name), TIMEOUT, CommandListener.NONE, IptablesFirewall.DEFAULT_PATH,
                SCRATCH);
    }

    /** Runs a command in the host namespace and requires it to succeed. */
    CommandResult host(String... command) {
        CommandResult result = host.run(List.of(command), "");
        assertThat(result.exitCode()).as("%s: %s", result.commandLine(), result.stderr()).isZero();
        return result;
    }

    /** Deletes every namespace created, newest first, and checks that each is gone. */
    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        for (int i = created.size() - 1; i >= 0; i--) {
            CommandResult result = host.run(List.of("ip", "netns", "delete", created.get(i)), "");
            if (!result.succeeded() && !result.stderr().contains("No such file")) {
                failures.add(result.commandLine() + ": " + result.stderr());
            }
        }
        created.clear();
        assertThat(failures).as("namespaces deleted").isEmpty();
    }
}
