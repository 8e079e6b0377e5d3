package dev.mdnp.inspector.model;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.bridge;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.containerEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostLink;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.inContainer;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.strangeVeth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void aNetworkIsItsBridgeWithOnePortPerEndpoint() {
        Topology topology = Topology.of(objects(List.of(demoNetwork(2)),
                List.of(endpoint('1', "10.77.0.2/24", true), endpoint('2', "10.77.0.3/24", false)),
                List.of(bridge(BRIDGE, NET, Drift.NONE), hostLink('1'), inContainer('1'), hostLink('2')),
                List.of()));

        assertThat(topology.bridges()).singleElement().satisfies(bridge -> {
            assertThat(bridge.name()).isEqualTo(BRIDGE);
            assertThat(bridge.networkId()).isEqualTo(NET);
            assertThat(bridge.subnets()).containsExactly("10.77.0.0/24");
            assertThat(bridge.gateways()).containsExactly("10.77.0.1/24");
            assertThat(bridge.link().inKernel()).isTrue();
            assertThat(bridge.link().operState()).isEqualTo("UP");
            assertThat(bridge.drift()).isEqualTo(Drift.NONE);
            assertThat(bridge.ports()).extracting(TopologyPort::hostIfName).containsExactly(hostEnd('1'), hostEnd('2'));
        });
        assertThat(topology.strays()).isEmpty();
    }

    @Test
    void aPortCarriesTheHostVethsCountersAndTheContainerTheInterfacesAddresses() {
        Topology topology = Topology.of(objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)),
                List.of(bridge(BRIDGE, NET, Drift.NONE), hostLink('1'), inContainer('1')), List.of()));

        TopologyPort port = topology.bridges().get(0).ports().get(0);
        assertThat(port.peer()).isEqualTo(containerEnd('1'));
        assertThat(port.hostLink().rxBytes()).isEqualTo(1536);
        assertThat(port.hostLink().txBytes()).isEqualTo(3 * 1024 * 1024);
        assertThat(port.drift()).isEqualTo(Drift.NONE);
        TopologyContainer container = topology.containers().get(0);
        assertThat(port.containerKey()).isEqualTo(container.key());
        assertThat(container.joined()).isTrue();
        assertThat(container.sandbox()).isEqualTo("111111111111");
        assertThat(container.interfaces()).singleElement().satisfies(inside -> {
            assertThat(inside.name()).isEqualTo(containerEnd('1'));
            assertThat(inside.ipv4Address()).isEqualTo("10.77.0.2/24");
            assertThat(inside.mac()).isEqualTo("02:42:0a:4d:00:01");
            assertThat(inside.bridge()).isEqualTo(BRIDGE);
        });
    }

    @Test
    void stateObjectsTheKernelLacksAreMissingInKernel() {
        Topology topology = Topology.of(objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)),
                List.of(missing(BRIDGE, "bridge", NET, ""), missing(hostEnd('1'), "veth", NET, "1".repeat(40)),
                        inContainer('1')),
                List.of()));

        TopologyBridge bridge = topology.bridges().get(0);
        assertThat(bridge.drift()).isEqualTo(Drift.MISSING_IN_KERNEL);
        assertThat(bridge.link().inKernel()).isFalse();
        assertThat(bridge.ports().get(0).drift()).isEqualTo(Drift.MISSING_IN_KERNEL);
    }

    @Test
    void anUnknownVethOnAKnownBridgeIsAPortWithItsPeerAsContainerEnd() {
        Topology topology = Topology.of(objects(List.of(demoNetwork(0)), List.of(),
                List.of(bridge(BRIDGE, NET, Drift.NONE), strangeVeth("mdnpcdead", "mdnphdead", ""),
                        strangeVeth("mdnphdead", "mdnpcdead", BRIDGE)),
                List.of()));

        assertThat(topology.bridges().get(0).ports()).singleElement().satisfies(port -> {
            assertThat(port.hostIfName()).isEqualTo("mdnphdead");
            assertThat(port.peer()).isEqualTo("mdnpcdead");
            assertThat(port.containerKey()).isEmpty();
            assertThat(port.endpointId()).isEmpty();
            assertThat(port.drift()).isEqualTo(Drift.UNKNOWN_TO_STATE);
        });
        assertThat(topology.strays()).isEmpty();
    }

    @Test
    void anUnknownBridgeIsABridgeOfItsOwnWithItsPorts() {
        Topology topology = Topology.of(objects(List.of(), List.of(),
                List.of(bridge("mdnpbleft", "", Drift.UNKNOWN_TO_STATE), strangeVeth("mdnphleft", "", "mdnpbleft")),
                List.of()));

        assertThat(topology.bridges()).singleElement().satisfies(bridge -> {
            assertThat(bridge.name()).isEqualTo("mdnpbleft");
            assertThat(bridge.networkId()).isEmpty();
            assertThat(bridge.drift()).isEqualTo(Drift.UNKNOWN_TO_STATE);
            assertThat(bridge.ports()).extracting(TopologyPort::hostIfName).containsExactly("mdnphleft");
        });
    }

    @Test
    void anUnknownPairOnNoBridgeIsOneStray() {
        Topology topology = Topology.of(objects(List.of(), List.of(),
                List.of(strangeVeth("mdnpcx", "mdnphx", ""), strangeVeth("mdnphx", "mdnpcx", "")), List.of()));

        assertThat(topology.bridges()).isEmpty();
        assertThat(topology.strays()).singleElement().satisfies(port -> {
            assertThat(port.hostIfName()).isEqualTo("mdnpcx");
            assertThat(port.peer()).isEqualTo("mdnphx");
        });
    }

    @Test
    void withoutKernelLinksNothingIsFlagged() {
        Topology topology = Topology.of(objects(List.of(demoNetwork(1)), List.of(endpoint('1', "10.77.0.2/24", true)),
                List.of(), List.of()));

        TopologyBridge bridge = topology.bridges().get(0);
        assertThat(bridge.drift()).isEqualTo(Drift.NONE);
        assertThat(bridge.link()).isEqualTo(LinkStatus.ABSENT);
        assertThat(bridge.ports().get(0).drift()).isEqualTo(Drift.NONE);
    }

    @Test
    void subnetsListIpv4BeforeIpv6AndUnnamedNetworksGoByTheirIds() {
        NetworkView dual = new NetworkView("2".repeat(40), "", "mdnpb2222222222", 0, List.of("10.78.0.0/24"),
                List.of("fd78::/64"), List.of("10.78.0.1/24", "fd78::1/64"), Map.of(), 0, Instant.EPOCH);
        Topology topology = Topology.of(objects(List.of(dual, demoNetwork(0)), List.of(), List.of(), List.of()));

        assertThat(topology.bridges()).extracting(TopologyBridge::name).containsExactly(BRIDGE, "mdnpb2222222222");
        assertThat(topology.bridges().get(1).subnets()).containsExactly("10.78.0.0/24", "fd78::/64");
    }

    @Test
    void theEmptyTopologyHasNothingToDraw() {
        assertThat(Topology.EMPTY.isEmpty()).isTrue();
        assertThat(Topology.of(objects(List.of(demoNetwork(0)), List.of(), List.<LinkView>of(), List.of())).isEmpty())
                .isFalse();
    }
}
