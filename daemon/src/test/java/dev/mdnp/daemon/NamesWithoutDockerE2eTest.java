package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NetworkView;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A daemon whose {@code --docker-host} leads nowhere: it serves Docker's calls as always and shows ids, with no
 * names, and says in its log that the names are unavailable.
 */
@Tag("e2e")
class NamesWithoutDockerE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final E2ePlugin plugin = E2ePlugin.withServeArgs("--docker-host", "unix:///run/mdnp-e2e-no-such-docker.sock");

    @Test
    void networksAndEndpointsAreServedByIdWithoutNames() throws Exception {
        String network = plugin.network("--subnet", "10.231.63.0/24");
        plugin.container(network);
        String networkId = plugin.docker().ok("network", "inspect", "--format", "{{.Id}}", network);

        await().atMost(WAIT).until(() -> plugin.daemon().log().contains("docker names unavailable"));
        try (InspectClient client = InspectClient.connect(plugin.daemon().launch().inspectSocket(), WAIT)) {
            assertThat(client.networks()).filteredOn(view -> view.id().equals(networkId))
                    .extracting(NetworkView::name, NetworkView::displayName)
                    .containsExactly(tuple("", networkId));
            assertThat(client.endpoints()).filteredOn(endpoint -> endpoint.networkId().equals(networkId))
                    .extracting(EndpointView::container).containsExactly(ContainerRef.UNKNOWN);
        }
    }
}
