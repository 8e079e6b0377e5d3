package dev.mdnp.inspector.model;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.APP_BACK;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.APP_FRONT;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.BACK;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.FRONT;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.bridgeOf;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.classroom;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.containerEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The topology's containers: each drawn once, named by Docker, with its interfaces as read inside it. */
class ContainerTopologyTest {

    @Test
    void aContainerOnTwoNetworksIsOneContainerWithTwoInterfaces() {
        Topology topology = Topology.of(classroom(1000));

        assertThat(topology.containers()).hasSize(3);
        TopologyContainer app = named(topology, "app");
        assertThat(app.interfaces()).extracting(TopologyInterface::name).containsExactly("eth0", "eth1");
        assertThat(app.interfaces()).extracting(TopologyInterface::bridge).containsExactly(bridgeOf(FRONT),
                bridgeOf(BACK));
        assertThat(app.interfaces()).extracting(TopologyInterface::mdnpName).containsExactly(
                containerEnd(APP_FRONT), containerEnd(APP_BACK));
    }

    @Test
    void eachInterfaceIsWiredToItsNetworksBridge() {
        Topology topology = Topology.of(classroom(1000));

        TopologyContainer app = named(topology, "app");
        assertThat(bridge(topology, "front").ports()).extracting(TopologyPort::hostIfName).contains(hostEnd(APP_FRONT));
        assertThat(bridge(topology, "back").ports()).filteredOn(port -> port.hostIfName().equals(hostEnd(APP_BACK)))
                .singleElement().extracting(TopologyPort::containerKey).isEqualTo(app.key());
    }

    @Test
    void networksAndContainersGoByName() {
        Topology topology = Topology.of(classroom(1000));

        assertThat(topology.bridges()).extracting(TopologyBridge::label).containsExactly("back", "front");
        assertThat(topology.containers()).extracting(TopologyContainer::label).containsExactly("app", "db", "web");
    }

    @Test
    void thePortsUnderABridgeFollowTheContainersOrder() {
        Topology topology = Topology.of(classroom(1000));

        assertThat(bridge(topology, "front").ports()).extracting(TopologyPort::hostIfName)
                .containsExactly(hostEnd(APP_FRONT), hostEnd('a'));
    }

    @Test
    void publishedPortsAreOnTheContainer() {
        Topology topology = Topology.of(classroom(1000));

        assertThat(named(topology, "web").ports()).containsExactly("0.0.0.0:8080->80/tcp");
        assertThat(named(topology, "db").ports()).isEmpty();
    }

    @Test
    void bothEndsOfAPairCarryTheirCounters() {
        Topology topology = Topology.of(classroom(4242));

        assertThat(bridge(topology, "back").ports()).filteredOn(port -> port.hostIfName().equals(hostEnd(APP_BACK)))
                .singleElement().satisfies(port -> assertThat(port.hostLink().rxBytes()).isEqualTo(4242));
        TopologyInterface eth1 = named(topology, "app").interfaces().get(1);
        assertThat(eth1.inside().inKernel()).isTrue();
        assertThat(eth1.inside().operState()).isEqualTo("UP");
        assertThat(eth1.inside().rxBytes()).isEqualTo(4242);
        assertThat(eth1.inside().txBytes()).isEqualTo(4242);
    }

    @Test
    void withoutContainersTheEndpointsSharingASandboxAreStillOneContainer() {
        DaemonObjects read = classroom(1000);
        Topology topology = Topology.of(new DaemonObjects(read.info(), read.networks(), read.endpoints(),
                read.links(), read.pools(), read.readAt()));

        TopologyContainer app = named(topology, "app");
        assertThat(app.interfaces()).extracting(TopologyInterface::name).containsExactly(containerEnd(APP_FRONT),
                containerEnd(APP_BACK));
        assertThat(app.interfaces()).allSatisfy(inside -> assertThat(inside.inside()).isEqualTo(LinkStatus.ABSENT));
    }

    @Test
    void anInterfaceNotReadInsideKeepsMdnpsNameAndSaysWhy() {
        DaemonObjects read = classroom(1000);
        ContainerView web = read.containers().get(0);
        ContainerInterfaceView lost = new ContainerInterfaceView(web.interfaces().get(0).endpointId(), FRONT, "", "",
                "", 0, 0, "the namespace is gone");
        List<ContainerView> containers = List.of(new ContainerView(web.sandboxKey(), web.container(), List.of(lost)),
                read.containers().get(1), read.containers().get(2));
        Topology topology = Topology.of(read.withCounters(read.links(), containers, read.readAt()));

        assertThat(named(topology, "web").interfaces()).singleElement().satisfies(inside -> {
            assertThat(inside.name()).isEqualTo(containerEnd('a'));
            assertThat(inside.inside().inKernel()).isFalse();
            assertThat(inside.problem()).isEqualTo("the namespace is gone");
        });
    }

    @Test
    void anEndpointNoContainerJoinedIsAContainerOfItsOwnNotJoined() {
        Topology topology = Topology.of(objects(List.of(demoNetwork(2)),
                List.of(endpoint('1', "10.77.0.2/24", true), endpoint('2', "10.77.0.3/24", false)), List.of(),
                List.of()));

        assertThat(topology.containers()).extracting(TopologyContainer::joined).containsExactly(true, false);
        assertThat(topology.containers().get(1).label()).isEqualTo("not joined");
        assertThat(topology.containers().get(0).label()).isEqualTo("netns 111111111111");
    }

    private static TopologyContainer named(Topology topology, String name) {
        return topology.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static TopologyBridge bridge(Topology topology, String name) {
        return topology.bridges().stream().filter(b -> b.networkName().equals(name)).findFirst().orElseThrow();
    }
}
