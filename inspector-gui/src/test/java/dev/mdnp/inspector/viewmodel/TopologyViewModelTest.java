package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.show;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.model.Topology;
import dev.mdnp.inspector.store.InspectorStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyViewModelTest {

    private final InspectorStore store = new InspectorStore();

    @Test
    void beforeTheFirstReadingTheTopologyIsEmpty() {
        assertThat(new TopologyViewModel(store).topologyProperty().get()).isEqualTo(Topology.EMPTY);
    }

    @Test
    void aReadingTakenBeforeTheModelExistedIsShown() {
        show(store, objects(List.of(demoNetwork(0)), List.of(), List.of(), List.of()));

        assertThat(new TopologyViewModel(store).topologyProperty().get().bridges()).hasSize(1);
    }

    @Test
    void eachReadingRebuildsTheTopology() {
        TopologyViewModel model = new TopologyViewModel(store);
        show(store, objects(List.of(demoNetwork(0)), List.of(), List.of(), List.of()));
        show(store, objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)), List.of(),
                List.of()));

        assertThat(model.topologyProperty().get().bridges()).singleElement().satisfies(bridge -> {
            assertThat(bridge.name()).isEqualTo(BRIDGE);
            assertThat(bridge.ports()).hasSize(1);
        });
    }
}
