package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.NetworkView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Docker's names in the inspect API of a real daemon driven by the real engine: the network's name, the container's
 * name and alias on it, and a {@code docker rename} followed as it happens.
 */
@Tag("e2e")
class DockerNamesE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    @Test
    void networksAndEndpointsShowDockersNamesAndFollowARename() throws Exception {
        String network = plugin.network("--subnet", "10.231.62.0/24");
        String alias = "www" + E2ePlugin.randomHex(2);
        String container = plugin.container(network, "--network-alias", alias);
        String networkId = plugin.docker().ok("network", "inspect", "--format", "{{.Id}}", network);
        String containerId = plugin.docker().ok("inspect", "--format", "{{.Id}}", container);
        List<InspectEvent> events = new CopyOnWriteArrayList<>();

        try (InspectClient client = InspectClient.connect(plugin.daemon().launch().inspectSocket(), WAIT);
                var subscription = client.subscribe(InspectClient.DAEMON_DEFAULT, events::add, state -> { })) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(client.networks())
                    .filteredOn(view -> view.id().equals(networkId))
                    .extracting(NetworkView::name).containsExactly(network));
            await().atMost(WAIT).untilAsserted(() -> assertThat(endpointsOn(client, networkId))
                    .extracting(EndpointView::container)
                    .containsExactly(new ContainerRef(containerId, container, List.of(alias))));
            String endpointId = endpointsOn(client, networkId).get(0).id();

            String renamed = container + "-2";
            plugin.docker().ok("rename", container, renamed);
            try {
                await().atMost(WAIT).untilAsserted(() -> assertThat(endpointsOn(client, networkId))
                        .extracting(endpoint -> endpoint.container().name()).containsExactly(renamed));
                await().atMost(WAIT).untilAsserted(() -> assertThat(events)
                        .filteredOn(InspectEvent.StateChange.class::isInstance)
                        .map(InspectEvent.StateChange.class::cast)
                        .anySatisfy(change -> {
                            assertThat(change.change()).isEqualTo("container-named");
                            assertThat(change.id()).isEqualTo(endpointId);
                        }));
            } finally {
                // The extension removes the container by the name it gave it.
                plugin.docker().run("rename", renamed, container);
            }
        }
    }

    private static List<EndpointView> endpointsOn(InspectClient client, String networkId) {
        return client.endpoints().stream().filter(endpoint -> endpoint.networkId().equals(networkId)).toList();
    }
}
