package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/demo}, the classroom scenario, run unattended against the private engine: every step works (the
 * ping across the second network included), the daemon recorded the whole flow in the order the narration tells,
 * the narration file names each step and the end, and nothing the demo created is left behind.
 */
@Tag("e2e")
class DemoScriptE2eTest {

    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void runsTheWholeScenarioAndCleansUp() throws Exception {
        String host = E2eEnvironment.requireDockerHost();
        String plugin = "mdnpdemo" + ProcessHandle.current().pid();
        Path output = dir.resolve("demo.out");
        Path narration = dir.resolve("narration");
        Process demo = new ProcessBuilder(repository().resolve("scripts/demo").toString(), "--docker-host", host,
                "--plugin", plugin, "--auto", "0", "--no-inspector", "--narration", narration.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = demo.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            demo.destroy();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(finished).as("demo finished in time:\n%s", text).isTrue();
        assertThat(demo.exitValue()).as("demo's exit status, output:\n%s", text).isZero();
        assertThat(text).contains("== 9. Remove both networks", "3 packets transmitted, 3 packets received");
        List<String> calls = text.lines().filter(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT.*")).toList(); // mdnp log
        assertThat(calls).filteredOn(line -> line.contains("NetworkDriver.CreateNetwork")).hasSize(2);
        assertThat(calls).filteredOn(line -> line.contains("NetworkDriver.Join")).hasSize(3);
        assertThat(calls).filteredOn(line -> line.contains("NetworkDriver.Leave")).hasSize(3);
        assertThat(calls).filteredOn(line -> line.contains("NetworkDriver.DeleteNetwork")).hasSize(2);
        List<String> methods = calls.stream().map(line -> line.split("\\s+")[1]).toList();
        assertThat(methods.subList(methods.size() - 6, methods.size())).as("step 9, as narrated").containsExactly(
                "IpamDriver.ReleaseAddress", "IpamDriver.ReleasePool", "NetworkDriver.DeleteNetwork",
                "IpamDriver.ReleaseAddress", "IpamDriver.ReleasePool", "NetworkDriver.DeleteNetwork");
        // EndpointOperInfo is Docker reading an endpoint (for an inspect or a listing): it may come between any two
        // calls; the lifecycle the narration tells is the rest.
        List<String> lifecycle = methods.stream().filter(method -> !method.equals("NetworkDriver.EndpointOperInfo"))
                .toList();
        int join = lifecycle.indexOf("NetworkDriver.Join");
        assertThat(lifecycle.subList(join - 2, join + 2)).as("step 3, as narrated").containsExactly(
                "IpamDriver.RequestAddress", "NetworkDriver.CreateEndpoint", "NetworkDriver.Join",
                "NetworkDriver.ProgramExternalConnectivity");
        List<String> told = Files.readAllLines(narration, StandardCharsets.UTF_8);
        assertThat(told).filteredOn(line -> line.startsWith("step ")).extracting(line -> line.split(":")[0])
                .containsExactly("step 1/9", "step 2/9", "step 3/9", "step 4/9", "step 5/9", "step 6/9", "step 7/9",
                        "step 8/9", "step 9/9");
        assertThat(told.get(told.size() - 1)).startsWith("demo finished: all 9 steps ran");
        DockerCli docker = new DockerCli(host);
        assertThat(docker.ok("ps", "-a", "--filter", "name=mdnp-demo", "--format", "{{.Names}}")).isEmpty();
        assertThat(docker.ok("network", "ls", "--filter", "name=mdnp-demo", "--format", "{{.Name}}")).isEmpty();
        assertThat(Path.of("/run/docker/plugins", plugin + ".sock")).doesNotExist();
    }

    /** The repository's root: the tests run in the daemon module's directory. */
    private static Path repository() throws IOException {
        return Path.of("..").toRealPath();
    }
}
