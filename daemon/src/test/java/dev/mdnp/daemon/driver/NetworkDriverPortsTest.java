package dev.mdnp.daemon.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.EndpointInterface;
import dev.mdnp.model.cnm.EndpointOperInfoRequest;
import dev.mdnp.model.cnm.IpamData;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.JoinResponse;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Port publishing, internal networks and what the driver records of them, over a recording dataplane. */
class NetworkDriverPortsTest {

    private static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String EP = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";

    private final DriverState state = new DriverState();
    private final RecordingDataplane kernel = new RecordingDataplane();
    private final RecordingDriverJournal journal = new RecordingDriverJournal();
    private final NetworkDriver driver = new NetworkDriver(state, kernel, journal);

    @Test
    void programPublishesThePortsAndRecordsThemWithTheHostPortsChosen() {
        joined(Map.of());

        driver.programExternalConnectivity(program(binding(6, 80, "", 8080), binding(17, 53, "127.0.0.1", 0)));

        List<PublishedPort> published = state.endpoint(EP).orElseThrow().published();
        assertThat(published).extracting(PublishedPort::toString)
                .containsExactly("0.0.0.0:8080->80/tcp", "127.0.0.1:32768->53/udp");
        assertThat(journal.lastEndpoint().published()).isEqualTo(published);
    }

    @Test
    void revokeRemovesExactlyWhatProgramPublished() {
        joined(Map.of());
        driver.programExternalConnectivity(program(binding(6, 80, "", 8080)));
        List<PublishedPort> published = state.endpoint(EP).orElseThrow().published();

        driver.revokeExternalConnectivity(new RevokeExternalConnectivityRequest(NET, EP));

        assertThat(kernel.calls()).last().isEqualTo("unpublishPorts " + EP + " " + published);
        assertThat(state.endpoint(EP).orElseThrow().published()).isEmpty();
        assertThat(journal.lastEndpoint().published()).isEmpty();
    }

    @Test
    void revokeWithoutProgramAndOfUnknownIdsSucceedsAndTouchesNothing() {
        joined(Map.of());
        int calls = kernel.calls().size();

        driver.revokeExternalConnectivity(new RevokeExternalConnectivityRequest(NET, EP));
        driver.revokeExternalConnectivity(new RevokeExternalConnectivityRequest(NET, "f".repeat(64)));

        assertThat(kernel.calls()).hasSize(calls);
    }

    @Test
    void aSecondProgramReplacesThePortsOfTheFirst() {
        joined(Map.of());
        driver.programExternalConnectivity(program(binding(6, 80, "", 8080)));

        driver.programExternalConnectivity(program(binding(6, 443, "", 8443)));

        assertThat(state.endpoint(EP).orElseThrow().published()).extracting(PublishedPort::toString)
                .containsExactly("0.0.0.0:8443->443/tcp");
        assertThat(kernel.calls()).filteredOn(call -> call.startsWith("unpublishPorts")).hasSize(1);
    }

    @Test
    void aTakenHostPortIsAConflictNamingThePortAndRecordsNothing() {
        joined(Map.of());
        kernel.fail("publishPorts");

        assertThatThrownBy(() -> driver.programExternalConnectivity(program(binding(6, 80, "", 8080))))
                .isInstanceOfSatisfying(DriverException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
                .hasMessageContaining("port 8080");
        assertThat(state.endpoint(EP).orElseThrow().published()).isEmpty();
    }

    @Test
    void aJournalFailureUnpublishesThePortsAgain() {
        joined(Map.of());
        journal.fail("endpointChanged");

        assertThatThrownBy(() -> driver.programExternalConnectivity(program(binding(6, 80, "", 8080))))
                .isInstanceOf(DriverException.class);

        assertThat(kernel.calls()).last().asString().startsWith("unpublishPorts");
        assertThat(state.endpoint(EP).orElseThrow().published()).isEmpty();
    }

    @Test
    void theNetworksHostBindingAddressIsTheDefaultHostIp() {
        joined(Map.of(OptionKeys.HOST_BINDING_IPV4, "127.0.0.1"));

        driver.programExternalConnectivity(program(binding(6, 80, "", 8080), binding(6, 81, "0.0.0.0", 8081)));

        assertThat(state.endpoint(EP).orElseThrow().published()).extracting(PublishedPort::toString)
                .containsExactly("127.0.0.1:8080->80/tcp", "0.0.0.0:8081->81/tcp");
    }

    @Test
    void portsOnAnInternalNetworkAreRefusedButAnEmptyProgramSucceeds() {
        joinedOn(internalNetwork());

        assertThatThrownBy(() -> driver.programExternalConnectivity(program(binding(6, 80, "", 8080))))
                .isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST))
                .hasMessageContaining("internal");
        driver.programExternalConnectivity(program());
        assertThat(kernel.calls()).noneMatch(call -> call.startsWith("publishPorts"));
    }

    @Test
    void portsOfAnUnknownEndpointAreRefusedAsNotFound() {
        driver.createNetwork(network(Map.of()));

        assertThatThrownBy(() -> driver.programExternalConnectivity(program(binding(6, 80, "", 8080))))
                .isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void aMalformedPortMapIsABadRequestAndChangesNothing() {
        joined(Map.of());
        int calls = kernel.calls().size();

        assertThatThrownBy(() -> driver.programExternalConnectivity(new ProgramExternalConnectivityRequest(NET, EP,
                Map.of(OptionKeys.PORT_MAP, List.of(Map.of("Proto", 6, "Port", 70000))))))
                .isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST))
                .hasMessageContaining("Port").hasMessageContaining("70000");
        assertThat(kernel.calls()).hasSize(calls);
    }

    @Test
    void deleteEndpointWithoutRevokeStillUnpublishesItsPorts() {
        joined(Map.of());
        driver.programExternalConnectivity(program(binding(6, 80, "", 8080)));

        driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP));

        assertThat(kernel.calls()).anyMatch(call -> call.startsWith("unpublishPorts " + EP));
    }

    @Test
    void deleteNetworkUnpublishesThePortsOfEndpointsDockerLeft() {
        joined(Map.of());
        driver.programExternalConnectivity(program(binding(6, 80, "", 8080)));

        driver.deleteNetwork(new DeleteNetworkRequest(NET));

        assertThat(kernel.calls()).anyMatch(call -> call.startsWith("unpublishPorts " + EP));
        assertThat(state.endpoints()).isEmpty();
    }

    @Test
    void endpointOperInfoReportsThePublishedPortsInDockersPortMapShape() {
        joined(Map.of());
        driver.programExternalConnectivity(program(binding(6, 80, "", 0)));

        Map<String, Object> value = driver.endpointOperInfo(new EndpointOperInfoRequest(NET, EP)).value();

        assertThat(value.get(OptionKeys.PORT_MAP)).asList().containsExactly(Map.of("Proto", 6, "IP", "10.88.0.2",
                "Port", 80, "HostIP", "0.0.0.0", "HostPort", 32768, "HostPortEnd", 32768));
    }

    @Test
    void joinOnAnInternalNetworkGivesNoGatewayAndKeepsDockerGwbridgeAway() {
        JoinResponse join = joinedOn(internalNetwork());

        assertThat(join.gateway()).isEmpty();
        assertThat(join.gatewayIPv6()).isEmpty();
        assertThat(join.disableGatewayService()).isTrue();
    }

    private JoinResponse joined(Map<String, Object> generic) {
        return joinedOn(network(generic));
    }

    private JoinResponse joinedOn(CreateNetworkRequest network) {
        driver.createNetwork(network);
        driver.createEndpoint(new CreateEndpointRequest(NET, EP, new EndpointInterface("10.88.0.2/16", "", ""),
                Map.of()));
        return driver.join(new JoinRequest(NET, EP, "/var/run/docker/netns/1", Map.of()));
    }

    private static CreateNetworkRequest network(Map<String, Object> generic) {
        return new CreateNetworkRequest(NET, Map.of(OptionKeys.GENERIC, generic, OptionKeys.ENABLE_IPV6, false),
                List.of(new IpamData("LocalDefault", "10.88.0.0/16", "10.88.0.1/16", Map.of())), List.of());
    }

    private static CreateNetworkRequest internalNetwork() {
        return new CreateNetworkRequest(NET, Map.of(OptionKeys.GENERIC, Map.of(), OptionKeys.ENABLE_IPV6, false,
                OptionKeys.INTERNAL, true),
                List.of(new IpamData("LocalDefault", "10.88.0.0/16", "10.88.0.1/16", Map.of())), List.of());
    }

    @SafeVarargs
    private static ProgramExternalConnectivityRequest program(Map<String, Object>... bindings) {
        return new ProgramExternalConnectivityRequest(NET, EP, Map.of(OptionKeys.PORT_MAP, List.of(bindings)));
    }

    private static Map<String, Object> binding(int proto, int port, String hostIp, int hostPort) {
        return PortMaps.entry(proto, port, hostIp, hostPort, hostPort);
    }

}
