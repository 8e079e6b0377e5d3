package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.APP_BACK;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.classroom;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.model.Topology;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.client.ConnectionState;
import java.time.Duration;
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

    @Test
    void aPairWhoseCountersRoseIsHighlighted() {
        TopologyViewModel model = new TopologyViewModel(store);
        show(store, classroom(1000));

        show(store, classroom(1098));

        assertThat(model.trafficProperty().get()).containsExactly(hostEnd(APP_BACK));
    }

    @Test
    void theHighlightFadesWhenTheCountersStandStill() {
        TopologyViewModel model = new TopologyViewModel(store);
        show(store, classroom(1000));
        show(store, classroom(1098));

        show(store, classroom(1098));
        show(store, classroom(1098));

        assertThat(model.trafficProperty().get()).isEmpty();
    }

    @Test
    void whenTheConnectionDropsTheLastPictureStaysGreyed() {
        TopologyViewModel model = new TopologyViewModel(store);
        connection(new ConnectionState.Connected(0));
        show(store, classroom(1000));
        assertThat(model.staleProperty().get()).isFalse();

        connection(new ConnectionState.Disconnected("connection refused", Duration.ofSeconds(1)));

        assertThat(model.staleProperty().get()).isTrue();
        assertThat(model.topologyProperty().get().containers()).hasSize(3);
    }

    @Test
    void reconnectingKeepsThePictureGreyedUntilConnected() {
        TopologyViewModel model = new TopologyViewModel(store);
        show(store, classroom(1000));
        connection(new ConnectionState.Connecting(2, 0));
        assertThat(model.staleProperty().get()).isTrue();

        connection(new ConnectionState.Connected(0));

        assertThat(model.staleProperty().get()).isFalse();
    }

    @Test
    void nothingIsGreyedBeforeThereIsAPicture() {
        assertThat(new TopologyViewModel(store).staleProperty().get()).isFalse();
    }

    @Test
    void byDefaultThePictureFitsTheRoomItHas() {
        TopologyViewModel model = new TopologyViewModel(store);

        model.layout(2000, 1000, 1000, 800);

        assertThat(model.fittingProperty().get()).isTrue();
        assertThat(model.scaleProperty().get()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void whileFittingTheZoomFollowsTheWindow() {
        TopologyViewModel model = new TopologyViewModel(store);
        model.layout(2000, 1000, 1000, 800);

        model.layout(2000, 1000, 1600, 800);

        assertThat(model.scaleProperty().get()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void zoomingStopsFollowingTheWindowUntilFitAgain() {
        TopologyViewModel model = new TopologyViewModel(store);
        model.layout(2000, 1000, 1000, 800);

        model.zoomIn();
        model.layout(2000, 1000, 1600, 800);

        assertThat(model.fittingProperty().get()).isFalse();
        assertThat(model.scaleProperty().get()).isCloseTo(0.5 * TopologyViewModel.STEP, within(1e-9));
        model.fit();
        assertThat(model.fittingProperty().get()).isTrue();
        assertThat(model.scaleProperty().get()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void theZoomStaysWithinItsLimits() {
        TopologyViewModel model = new TopologyViewModel(store);

        for (int i = 0; i < 30; i++) {
            model.zoomOut();
        }

        assertThat(model.scaleProperty().get()).isEqualTo(TopologyViewModel.MIN_SCALE);
    }

    private void connection(ConnectionState state) {
        store.apply(List.of(new FeedUpdate.Connection(state)));
    }
}
