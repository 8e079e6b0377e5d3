package dev.mdnp.daemon.barehost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.HostCommand;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands on a Debian host without a JDK and Maven: without root they install nothing and say what
 * to run; as root {@code scripts/mdnp serve} installs a JDK and Maven (saying so in one line), builds the daemon and
 * serves, and {@code scripts/test --prepare} installs what the tests need. The suite is {@code -Dmdnp.barehost.suite}
 * (default bookworm; trixie's JDK is 21).
 */
@Tag("e2e")
class BareHostE2eTest {

    private static final String MDNP = BareHost.REPOSITORY + "/scripts/mdnp";
    private static final String TEST = BareHost.REPOSITORY + "/scripts/test";
    private static final String PLUGIN = "mdnpt";
    /** A JDK and Maven from apt, then the first build (the host's Maven repository spares the downloads). */
    private static final Duration INSTALL_AND_BUILD = Duration.ofMinutes(10);

    @Test
    void installsWhatIsMissingAsRootAndSaysWhatToRunWithout() throws Exception {
        String suite = System.getProperty("mdnp.barehost.suite", "bookworm");
        try (BareHost host = BareHost.start(E2eEnvironment.requireDockerHost(), Path.of("..").toRealPath(), suite)) {
            HostCommand.Result serveAsNobody = host.asNobody(MDNP, "serve", "--name", PLUGIN);
            assertThat(serveAsNobody.exitCode()).isEqualTo(1);
            assertThat(serveAsNobody.err().lines()).containsExactly(
                    "mdnp: missing: a JDK 17 or newer (no javac on PATH), mvn",
                    "mdnp: run: sudo " + MDNP + " serve --name " + PLUGIN
                            + "   (as root it installs them: default-jdk-headless maven)");
            HostCommand.Result prepareAsNobody = host.asNobody(TEST, "--prepare");
            assertThat(prepareAsNobody.exitCode()).isEqualTo(1);
            assertThat(prepareAsNobody.err()).contains("scripts/test: run: sudo " + TEST + " --prepare");
            assertThat(host.asRoot(Duration.ofSeconds(30), "dpkg-query", "-W", "maven").exitCode())
                    .as("nothing installed without root").isNotZero();

            List<String> serveOutput = serveAsRoot(host);
            assertThat(serveOutput).filteredOn(line -> line.startsWith("mdnp: installing"))
                    .singleElement().asString()
                    .matches("mdnp: installing openjdk-(17|21|25)-jdk-headless maven \\(apt-get\\)");

            HostCommand.Result prepare = host.asRoot(INSTALL_AND_BUILD, TEST, "--prepare");
            assertThat(prepare.exitCode()).as(prepare.err()).isZero();
            assertThat(prepare.err().lines()).hasSize(2).last()
                    .isEqualTo("scripts/test: everything the tests need is installed");
            assertThat(prepare.err().lines().findFirst()).get().asString().matches("scripts/test: installing docker.io"
                    + " (docker-cli )?busybox-static iproute2 curl conntrack mmdebstrap systemd \\(apt-get\\)"); // 13: docker-cli
            HostCommand.Result again = host.asNobody(TEST, "--prepare");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.err()).isEqualTo("scripts/test: everything the tests need is installed");
        }
    }

    /**
     * Runs {@code scripts/mdnp serve} as root until it answers Plugin.Activate on its socket, then stops it with
     * SIGTERM (its PID is the one of the shell that execs it) and returns what it printed.
     */
    private static List<String> serveAsRoot(BareHost host) throws IOException, InterruptedException {
        Path socket = host.pluginDir().resolve(PLUGIN + ".sock");
        try (HostCommand.Background serve = host.startAsRoot("bash", "-c", "echo $$ > /run/mdnpt-serve.pid; exec "
                + MDNP + " serve --name " + PLUGIN + " --plugin-dir " + BareHost.PLUGIN_DIR
                + " --state-dir /var/lib/mdnpt --inspect-socket /run/mdnpt-inspect.sock"
                + " --docker-host unix:///run/mdnpt-no-docker.sock")) {
            serve.awaitLine(line -> line.contains("serving plugin " + PLUGIN), INSTALL_AND_BUILD);
            try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
                assertThat(client.post("/Plugin.Activate", "").body())
                        .isEqualTo("{\"Implements\":[\"NetworkDriver\",\"IpamDriver\"]}");
            }
            HostCommand.Result stop = host.asRoot(Duration.ofSeconds(30), "bash", "-c",
                    "kill -TERM $(cat /run/mdnpt-serve.pid)");
            assertThat(stop.exitCode()).as(stop.err()).isZero();
            Awaitility.await("the daemon removes its socket when it stops").atMost(Duration.ofSeconds(30))
                    .until(() -> !socket.toFile().exists());
            return serve.lines();
        }
    }
}
