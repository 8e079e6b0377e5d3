package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.bridge;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.named;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.pool;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.show;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.model.AddressUse;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.NetworkView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworksViewModelTest {

    private final InspectorStore store = new InspectorStore();
    private final NetworksViewModel model = new NetworksViewModel(store);

    @Test
    void networksAreListedByDockersName() {
        show(store, ObjectsFixture.classroom(1000));

        assertThat(model.rows()).extracting(NetworkRow::name).containsExactly("back", "front");
    }

    @Test
    void aNetworkBecomesARowWithItsPoolsUse() {
        show(store, objects(List.of(demoNetwork(2)), List.of(), List.of(bridge(BRIDGE, NET, Drift.NONE)),
                List.of(pool("10.77.0.0/24", 3, 251))));

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.shortId()).isEqualTo("1111111111aa");
            assertThat(row.bridge()).isEqualTo(BRIDGE);
            assertThat(row.subnets()).isEqualTo("10.77.0.0/24");
            assertThat(row.gateways()).isEqualTo("10.77.0.1/24");
            assertThat(row.mtu()).isEqualTo(1400);
            assertThat(row.options()).isEqualTo("com.docker.network.driver.mtu=1400");
            assertThat(row.endpoints()).isEqualTo(2);
            assertThat(row.addresses()).isEqualTo(new AddressUse(3, 251));
            assertThat(row.drift()).isEqualTo(Drift.NONE);
            assertThat(row.driftNote()).isEmpty();
        });
        assertThat(model.driftCountProperty().get()).isZero();
    }

    @Test
    void aNetworkIsNamedAsInDockerAndByItsShortIdWhileTheNameIsUnknown() {
        show(store, objects(List.of(demoNetwork(0)), List.of(), List.of(), List.of()));
        assertThat(model.rows()).singleElement().extracting(NetworkRow::name, NetworkRow::displayName)
                .containsExactly("", "1111111111aa");

        show(store, objects(List.of(named(demoNetwork(0), "front")), List.of(), List.of(), List.of()));
        assertThat(model.rows()).singleElement().extracting(NetworkRow::name, NetworkRow::displayName)
                .containsExactly("front", "front");
    }

    @Test
    void mtuZeroIsTheDefaultEverywhere() {
        assertThat(NetworkRow.mtuText(0)).isEqualTo("default");
        assertThat(NetworkRow.mtuText(1400)).isEqualTo("1400");
    }

    @Test
    void optionsAreSortedByKeyAndSubnetsListIpv4First() {
        NetworkView network = new NetworkView("n", "", "b", 0, List.of("10.1.0.0/24"), List.of("fd00::/64"),
                List.of("10.1.0.1/24", "fd00::1/64"), Map.of("z", "1", "a", "2"), 0, Instant.EPOCH);
        show(store, objects(List.of(network), List.of(), List.of(), List.of()));

        NetworkRow row = model.rows().get(0);
        assertThat(row.options()).isEqualTo("a=2, z=1");
        assertThat(row.subnets()).isEqualTo("10.1.0.0/24, fd00::/64");
        assertThat(row.gateways()).isEqualTo("10.1.0.1/24, fd00::1/64");
        assertThat(row.addresses()).isNull();
    }

    @Test
    void aBridgeMissingInTheKernelIsDriftAndCounted() {
        show(store, objects(List.of(demoNetwork(0)), List.of(), List.of(missing(BRIDGE, "bridge", NET, "")),
                List.of()));

        assertThat(model.rows().get(0).drift()).isEqualTo(Drift.MISSING_IN_KERNEL);
        assertThat(model.rows().get(0).driftNote())
                .isEqualTo("bridge " + BRIDGE + ": the state has this link, the kernel does not");
        assertThat(model.driftCountProperty().get()).isEqualTo(1);
    }

    @Test
    void aLaterReadingUpdatesTheRowInPlace() {
        show(store, objects(List.of(demoNetwork(0)), List.of(), List.of(missing(BRIDGE, "bridge", NET, "")),
                List.of(pool("10.77.0.0/24", 1, 253))));
        NetworkRow before = model.rows().get(0);

        show(store, objects(List.of(demoNetwork(1)), List.of(), List.of(bridge(BRIDGE, NET, Drift.NONE)),
                List.of(pool("10.77.0.0/24", 2, 252))));

        assertThat(model.rows()).hasSize(1);
        assertThat(model.rows().get(0)).isNotEqualTo(before);
        assertThat(model.rows().get(0).endpoints()).isEqualTo(1);
        assertThat(model.rows().get(0).addresses()).isEqualTo(new AddressUse(2, 252));
        assertThat(model.driftCountProperty().get()).isZero();
    }

    @Test
    void aDeletedNetworkLeavesTheTable() {
        show(store, objects(List.of(demoNetwork(0)), List.of(), List.of(), List.of()));
        show(store, objects(List.of(), List.of(), List.of(), List.of()));

        assertThat(model.rows()).isEmpty();
    }
}
