package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.container;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.containerEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostLink;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.inContainer;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.named;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.published;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.show;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.model.inspect.Drift;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointsViewModelTest {

    private final InspectorStore store = new InspectorStore();
    private final EndpointsViewModel model = new EndpointsViewModel(store);

    @Test
    void aJoinedEndpointBecomesARow() {
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)),
                List.of(hostLink('1'), inContainer('1')), List.of()));

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.shortId()).isEqualTo("111111111111");
            assertThat(row.networkLabel()).isEqualTo(NET.substring(0, 12));
            assertThat(row.ipv4Address()).isEqualTo("10.77.0.2/24");
            assertThat(row.ipv6Address()).isEmpty();
            assertThat(row.mac()).isEqualTo("02:42:0a:4d:00:01");
            assertThat(row.hostIfName()).isEqualTo(hostEnd('1'));
            assertThat(row.containerIfName()).isEqualTo(containerEnd('1'));
            assertThat(row.state()).isEqualTo("joined");
            assertThat(row.sandboxKey()).isEqualTo("/var/run/docker/netns/111111111111");
            assertThat(row.drifted()).isFalse();
        });
    }

    @Test
    void theContainersInterfaceIsNamedAsInsideTheContainerOnceRead() {
        show(store, ObjectsFixture.classroom(1000));

        assertThat(model.rows()).filteredOn(row -> row.containerName().equals("app"))
                .extracting(EndpointRow::containerInterface).containsExactlyInAnyOrder(
                        "eth0 (" + containerEnd(ObjectsFixture.APP_FRONT) + ")",
                        "eth1 (" + containerEnd(ObjectsFixture.APP_BACK) + ")");
    }

    @Test
    void beforeTheContainerIsReadItsInterfaceIsMdnpsName() {
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)), List.of(),
                List.of()));

        assertThat(model.rows()).singleElement().extracting(EndpointRow::containerInterface)
                .isEqualTo(containerEnd('1'));
    }

    @Test
    void anEndpointNamesItsContainerAliasesAndNetworkWhenDockerSaidThem() {
        show(store, objects(List.of(named(demoNetwork(1), "front")),
                List.of(endpoint('1', "10.77.0.2/24", true).withContainer(container("web", "www", "app"))),
                List.of(), List.of()));

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.containerName()).isEqualTo("web");
            assertThat(row.aliases()).containsExactly("www", "app");
            assertThat(row.networkLabel()).isEqualTo("front");
        });
    }

    @Test
    void anEndpointWithoutDockersNamesHasNoContainerName() {
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)), List.of(),
                List.of()));

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.containerName()).isEmpty();
            assertThat(row.aliases()).isEmpty();
        });
    }

    @Test
    void publishedPortsAreListedAsDockerPrintsThem() {
        show(store, objects(List.of(demoNetwork(2)), List.of(published('1', "10.77.0.2/24"),
                endpoint('2', "10.77.0.3/24", true)), List.of(), List.of()));

        assertThat(model.rows()).extracting(EndpointRow::ports).containsExactly(
                List.of("0.0.0.0:8080->80/tcp", "[::]:8080->80/tcp"), List.of());
    }

    @Test
    void anEndpointNotJoinedIsCreated() {
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('2', "10.77.0.3/24", false)), List.of(),
                List.of()));

        assertThat(model.rows().get(0).state()).isEqualTo("created");
    }

    @Test
    void aMissingHostVethIsDriftNamingThatEnd() {
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)),
                List.of(missing(hostEnd('1'), "veth", NET, "1".repeat(40)), inContainer('1')), List.of()));

        assertThat(model.rows().get(0).drift()).isEqualTo(Drift.MISSING_IN_KERNEL);
        assertThat(model.rows().get(0).driftNote()).startsWith("host veth " + hostEnd('1') + ": ");
        assertThat(model.driftCountProperty().get()).isEqualTo(1);
    }

    @Test
    void aMissingContainerEndIsDriftNamingThatEnd() {
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('2', "10.77.0.3/24", false)),
                List.of(missing(containerEnd('2'), "veth", NET, "2".repeat(40))), List.of()));

        assertThat(model.rows().get(0).driftNote()).startsWith("container veth " + containerEnd('2') + ": ");
    }

    @Test
    void driftClearsWhenTheKernelCatchesUp() {
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)),
                List.of(missing(hostEnd('1'), "veth", NET, "1".repeat(40))), List.of()));
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)),
                List.of(hostLink('1'), inContainer('1')), List.of()));

        assertThat(model.rows().get(0).drifted()).isFalse();
        assertThat(model.driftCountProperty().get()).isZero();
    }
}
