package dev.mdnp.daemon.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DockerEngine} against the private Docker engine, about a network of a running mdnp daemon: what it reports
 * must match what {@code docker network inspect} shows.
 */
@Tag("e2e")
class DockerEngineE2eTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    @Test
    void reportsTheNetworkWithTheEndpointOfItsContainerUntilTheContainerIsRemoved() throws Exception {
        DockerCli docker = plugin.docker();
        String network = plugin.network("--subnet", "10.231.57.0/24");
        String container = plugin.container(network);
        String networkId = docker.ok("network", "inspect", "--format", "{{.Id}}", network);
        String containerId = docker.ok("inspect", "--format", "{{.Id}}", container);
        String entry = "(index .Containers \"" + containerId + "\")";
        String endpointId = docker.ok("network", "inspect", "--format", "{{" + entry + ".EndpointID}}", network);
        String ipv4 = docker.ok("network", "inspect", "--format", "{{" + entry + ".IPv4Address}}", network);

        try (DockerEngine engine = DockerEngine.connect(E2eEnvironment.requireDockerHost(), TIMEOUT)) {
            assertThat(engine.networksOfDriver(plugin.name())).containsExactly(new DockerNetwork(networkId, network,
                    List.of(new DockerEndpoint(endpointId, containerId, ipv4, ""))));
            assertThat(ipv4).startsWith("10.231.57.").endsWith("/24");

            docker.ok("rm", "-f", container);

            assertThat(engine.networksOfDriver(plugin.name()))
                    .containsExactly(new DockerNetwork(networkId, network, List.of()));
        }
    }
}
