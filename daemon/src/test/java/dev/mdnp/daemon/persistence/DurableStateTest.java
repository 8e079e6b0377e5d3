package dev.mdnp.daemon.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.dataplane.firewall.Protocol;
import dev.mdnp.daemon.driver.DriverException;
import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.AddressRecord;
import dev.mdnp.daemon.ipam.DefaultPools;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.ipam.IpamException;
import dev.mdnp.daemon.ipam.IpamJournal;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.daemon.ipam.PoolRecord;
import dev.mdnp.daemon.store.StoreException;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.json.JsonMappers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journals against a real SQLite file: what a real {@link NetworkDriver} and {@link IpamDriver} record through
 * {@link DurableState} comes back equal after the state is closed and opened again, as at a daemon restart.
 */
class DurableStateTest {

    static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    static final String NET2 = "3c0d1e1f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
    static final String EP1 = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    static final String EP2 = "f1c1b9f3058c15e86d35e55161b0061e054522ff22d62e81e0eee5984456dbfe";
    static final String EP3 = "a2d2cae4169d26f97e46f66272c1172f165633aa33e73f92f1fff6a95567ecaf";
    static final String SANDBOX = "/var/run/docker/netns/6683905621ff";
    static final String EP2_MAC = "02:42:0a:58:05:0a";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private final ObjectMapper mapper = JsonMappers.create();
    private final DockerRequests docker = new DockerRequests(mapper);
    private final RecordingDataplane kernel = new RecordingDataplane();

    @Test
    void aReopenedStateHoldsTheNetworksEndpointsPoolsAndAddressesThatWereRecorded() {
        List<Network> networks;
        List<Endpoint> endpoints;
        IpamSnapshot addresses;
        try (Daemon daemon = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(daemon);
            networks = daemon.state().networks();
            endpoints = daemon.state().endpoints();
            addresses = daemon.ipam().snapshot();
        }

        try (DurableState reopened = open()) {
            DriverState restored = reopened.restored().driverState();
            assertThat(restored.networks()).containsExactlyInAnyOrderElementsOf(networks);
            assertThat(restored.endpoints()).containsExactlyInAnyOrderElementsOf(endpoints);
            assertThat(reopened.restored().ipam()).isEqualTo(addresses);
            assertThat(reopened.restored().networksCreatedAt()).containsExactly(entry(NET, CLOCK.instant()));
        }
        assertThat(addresses.pools()).hasSize(2);
        assertThat(addresses.addresses()).extracting(AddressRecord::address)
                .contains("10.88.0.1", "10.88.5.2", "10.88.5.10", "fd88::1");
    }

    @Test
    void aRestoredNetworkKeepsDockersWholeRequestAndItsParsedOptions() {
        try (Daemon daemon = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(daemon);
        }

        try (DurableState reopened = open()) {
            Network network = reopened.restored().driverState().network(NET).orElseThrow();
            assertThat(network.request()).isEqualTo(networkRequest());
            assertThat(network.options().mtu()).isEqualTo(1400);
            assertThat(network.options().enableIpv6()).isTrue();
            assertThat(network.options().generic()).containsEntry("dev.example.owner", "team-a");
            assertThat(network.gatewayIpv4()).contains("10.88.0.1");
            assertThat(network.gatewayIpv6()).contains("fd88::1");
        }
    }

    @Test
    void aRestoredEndpointKeepsItsRequestMacAndJoinState() {
        CreateEndpointRequest second;
        try (Daemon daemon = start()) {
            second = dockerRunsTwoContainersOnADualStackNetwork(daemon);
        }

        try (DurableState reopened = open()) {
            DriverState restored = reopened.restored().driverState();
            assertThat(restored.endpoint(EP1)).get()
                    .extracting(Endpoint::joined, Endpoint::sandboxKey, Endpoint::srcName)
                    .containsExactly(true, SANDBOX, "mdnpce0b0a8e294");
            assertThat(restored.endpoint(EP2)).get()
                    .extracting(Endpoint::request, Endpoint::mac, Endpoint::joined, Endpoint::sandboxKey)
                    .containsExactly(second, EP2_MAC, false, "");
        }
    }

    /** IPv4 and IPv6, tcp and udp, every address and one, NAT and routed, in an order no sorting would give. */
    @Test
    void publishedPortsRecordedThroughTheJournalComeBackEqualAndInTheirOrder() {
        Endpoint published;
        try (Daemon daemon = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(daemon);
            Endpoint joined = daemon.state().endpoint(EP1).orElseThrow();
            published = joined.withPublished(List.of(
                    new PublishedPort(Protocol.TCP, "0.0.0.0", 8080, joined.ipv4(), 80, false),
                    new PublishedPort(Protocol.TCP, "::", 8080, joined.ipv6(), 80, false),
                    new PublishedPort(Protocol.UDP, "127.0.0.1", 5353, joined.ipv4(), 53, false),
                    new PublishedPort(Protocol.TCP, joined.ipv6(), 443, joined.ipv6(), 443, true),
                    new PublishedPort(Protocol.UDP, "10.88.0.1", 32768, joined.ipv4(), 53, false)));
            daemon.durable().driverJournal().endpointChanged(published);
        }

        try (DurableState reopened = open()) {
            DriverState restored = reopened.restored().driverState();
            assertThat(restored.endpoint(EP1)).contains(published);
            assertThat(restored.endpoint(EP2).orElseThrow().published()).isEmpty();
        }
        assertThat(published.published()).hasSize(5);
    }

    /** The join state and the ports go in one transaction: a port the table refuses takes the join with it. */
    @Test
    void aChangeWhosePortsTheStoreRefusesRecordsNothingOfIt() {
        Endpoint before;
        try (Daemon daemon = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(daemon);
            before = daemon.state().endpoint(EP2).orElseThrow();
            Endpoint refused = before.joinedTo(SANDBOX).withPublished(List.of(
                    new PublishedPort(Protocol.TCP, "0.0.0.0", 8080, before.ipv4(), 80, false),
                    new PublishedPort(Protocol.TCP, "", 8081, before.ipv4(), 81, false)));

            assertThatThrownBy(() -> daemon.durable().driverJournal().endpointChanged(refused))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("CHECK constraint failed: host_ip <> ''");
        }

        try (DurableState reopened = open()) {
            assertThat(reopened.restored().driverState().endpoint(EP2)).contains(before);
        }
        assertThat(before.joined()).isFalse();
    }

    @Test
    void portsProgrammedBeforeARestartAreExactlyWhatRevokeRemovesAfterIt() {
        List<PublishedPort> programmed;
        try (Daemon first = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(first);
            first.driver().programExternalConnectivity(docker.programExternalConnectivity(NET, EP1));
            programmed = first.state().endpoint(EP1).orElseThrow().published();
        }

        try (Daemon second = start()) {
            assertThat(second.state().endpoint(EP1).orElseThrow().published()).isEqualTo(programmed);
            second.driver().revokeExternalConnectivity(docker.revokeExternalConnectivity(NET, EP1));
        }

        assertThat(programmed).hasSize(3);
        assertThat(kernel.calls()).filteredOn(call -> call.startsWith("unpublishPorts"))
                .containsExactly("unpublishPorts " + EP1 + " " + programmed);
        try (DurableState reopened = open()) {
            assertThat(reopened.restored().driverState().endpoint(EP1).orElseThrow().published()).isEmpty();
        }
    }

    @Test
    void aLeaveAndARejoinKeepTheRecordedPorts() {
        List<PublishedPort> programmed;
        try (Daemon daemon = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(daemon);
            daemon.driver().programExternalConnectivity(docker.programExternalConnectivity(NET, EP1));
            programmed = daemon.state().endpoint(EP1).orElseThrow().published();
            daemon.driver().leave(docker.leave(NET, EP1));
        }
        Endpoint left;
        try (DurableState reopened = open()) {
            left = reopened.restored().driverState().endpoint(EP1).orElseThrow();
        }
        try (Daemon daemon = start()) {
            daemon.driver().join(docker.join(NET, EP1, SANDBOX));
        }

        try (DurableState reopened = open()) {
            assertThat(left.joined()).isFalse();
            assertThat(left.published()).isEqualTo(programmed).isNotEmpty();
            assertThat(reopened.restored().driverState().endpoint(EP1)).get()
                    .extracting(Endpoint::joined, Endpoint::published)
                    .containsExactly(true, programmed);
        }
    }

    @Test
    void deletingAnEndpointOrItsNetworkDeletesItsRecordedPorts() throws SQLException {
        long afterProgram;
        long afterEndpointDelete;
        try (Daemon daemon = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(daemon);
            daemon.driver().join(docker.join(NET, EP2, SANDBOX + "2"));
            daemon.driver().programExternalConnectivity(docker.programExternalConnectivity(NET, EP1));
            daemon.driver().programExternalConnectivity(docker.programExternalConnectivity(NET, EP2));
            afterProgram = count("SELECT count(*) FROM published_ports");
            daemon.driver().deleteEndpoint(docker.deleteEndpoint(NET, EP2));
            afterEndpointDelete = count("SELECT count(*) FROM published_ports");
            daemon.driver().deleteNetwork(docker.deleteNetwork(NET));
        }

        assertThat(afterProgram).isEqualTo(6);
        assertThat(afterEndpointDelete).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM published_ports")).isZero();
    }

    @Test
    void aRestartedDaemonGoesOnRecordingOverTheRestoredState() {
        String v4Pool;
        try (Daemon first = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(first);
            v4Pool = first.ipam().snapshot().pools().get(0).poolId();
        }

        IpamSnapshot addresses;
        try (Daemon second = start()) {
            second.driver().leave(docker.leave(NET, EP1));
            second.driver().deleteEndpoint(docker.deleteEndpoint(NET, EP2));
            second.ipam().releaseAddress(docker.releaseAddress(v4Pool, "10.88.5.10"));
            addresses = second.ipam().snapshot();
        }

        try (DurableState reopened = open()) {
            assertThat(reopened.restored().driverState().endpoints()).singleElement()
                    .extracting(Endpoint::id, Endpoint::joined, Endpoint::sandboxKey)
                    .containsExactly(EP1, false, "");
            assertThat(reopened.restored().ipam()).isEqualTo(addresses);
            assertThat(addresses.addresses()).extracting(AddressRecord::address).doesNotContain("10.88.5.10");
        }
    }

    @Test
    void deleteNetworkRemovesTheNetworkAndEveryEndpointDockerLeftOnIt() throws SQLException {
        try (Daemon daemon = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(daemon);
            String otherPool = daemon.ipam().requestPool(docker.requestPool("10.99.0.0/16", "", false)).poolId();
            daemon.ipam().requestAddress(docker.requestGateway(otherPool));
            daemon.driver().createNetwork(docker.createNetwork(NET2, "10.99.0.0/16", "10.99.0.1/16"));
            daemon.driver().createEndpoint(docker.createEndpoint(NET2, EP3, "10.99.0.2/16", "", ""));

            daemon.driver().deleteNetwork(docker.deleteNetwork(NET));
        }

        assertThat(count("SELECT count(*) FROM endpoints WHERE network_id = '" + NET + "'")).isZero();
        try (DurableState reopened = open()) {
            DriverState restored = reopened.restored().driverState();
            assertThat(restored.networks()).extracting(Network::id).containsExactly(NET2);
            assertThat(restored.endpoints()).extracting(Endpoint::id).containsExactly(EP3);
        }
    }

    @Test
    void aReleasedPoolTakesItsAddressesWithIt() throws SQLException {
        String released;
        IpamSnapshot addresses;
        try (Daemon daemon = start()) {
            dockerRunsTwoContainersOnADualStackNetwork(daemon);
            released = daemon.ipam().snapshot().pools().get(0).poolId();

            daemon.ipam().releasePool(docker.releasePool(released));
            addresses = daemon.ipam().snapshot();
        }

        assertThat(count("SELECT count(*) FROM allocations WHERE pool_id = '" + released + "'")).isZero();
        try (DurableState reopened = open()) {
            IpamSnapshot restored = reopened.restored().ipam();
            assertThat(restored).isEqualTo(addresses);
            assertThat(restored.pools()).extracting(PoolRecord::poolId).containsExactly("MdnpLocal/fd88::/64");
            assertThat(restored.addresses()).isNotEmpty().allSatisfy(a -> assertThat(a.poolId()).isEqualTo("MdnpLocal/fd88::/64"));
        }
    }

    /** The store sorts by text: pool 10.77... before 172.30..., address .10 before .2; the snapshot must not. */
    @Test
    void restoredAddressesComeInTheSnapshotsOrderOfPoolsAndNumbers() {
        IpamSnapshot addresses;
        try (Daemon daemon = start()) {
            for (String subnet : List.of("172.30.0.0/16", "10.77.0.0/16")) {
                String pool = daemon.ipam().requestPool(docker.requestPool(subnet, "", false)).poolId();
                String prefix = subnet.substring(0, subnet.lastIndexOf(".0.0/"));
                for (String host : List.of(".0.10", ".0.2", ".1.0", ".0.9")) {
                    daemon.ipam().requestAddress(docker.requestAddress(pool, prefix + host));
                }
            }
            addresses = daemon.ipam().snapshot();
        }

        try (DurableState reopened = open()) {
            assertThat(reopened.restored().ipam()).isEqualTo(addresses);
        }
        assertThat(addresses.addresses()).extracting(AddressRecord::address).startsWith(
                "172.30.0.2", "172.30.0.9", "172.30.0.10", "172.30.1.0", "10.77.0.2");
    }

    @Test
    void theIpamJournalOfAClosedStoreFailsAsAnInternalErrorAndTheIpamChangesNothing() {
        DurableState durable = open();
        IpamJournal journal = durable.ipamJournal();
        durable.close();
        IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), journal, IpamSnapshot.EMPTY);

        IpamException failure = catchThrowableOfType(
                () -> ipam.requestPool(docker.requestPool("10.88.0.0/16", "", false)), IpamException.class);

        assertThat(failure.reason()).isEqualTo(IpamException.Reason.INTERNAL);
        assertThat(failure).hasMessageStartingWith("could not record pool MdnpLocal/10.88.0.0/16: ")
                .hasMessageContaining("is closed")
                .hasCauseInstanceOf(StoreException.class);
        assertThat(ipam.snapshot()).isEqualTo(IpamSnapshot.EMPTY);
    }

    @Test
    void theDriverJournalOfAClosedStoreFailsTheCallAsInternalAndTheBridgeIsRemovedAgain() {
        DurableState durable = open();
        DriverJournal journal = durable.driverJournal();
        durable.close();
        DriverState state = new DriverState();
        NetworkDriver driver = new NetworkDriver(state, kernel, journal);

        DriverException failure = catchThrowableOfType(
                () -> driver.createNetwork(docker.createNetwork(NET, "10.88.0.0/16", "10.88.0.1/16")),
                DriverException.class);

        assertThat(failure.reason()).isEqualTo(DriverException.Reason.INTERNAL);
        assertThat(failure).hasMessageStartingWith("create network 8f6511a52af0: could not record it")
                .hasCauseInstanceOf(StoreException.class);
        assertThat(kernel.calls()).containsExactly(
                "createNetwork mdnpb8f6511a52a mtu 0 [10.88.0.1/16]",
                "deleteNetwork mdnpb8f6511a52a");
        assertThat(state.networks()).isEmpty();
    }

    /**
     * What Docker sends for {@code docker network create --ipv6 --subnet 10.88.0.0/16 --ip-range 10.88.5.0/24
     * --aux-address router=10.88.5.2 --subnet fd88::/64 -o mtu=1400 ...}, then {@code docker run} of a container
     * that starts, one with {@code --ip 10.88.5.10 --mac-address ...} that is created but not started, and one whose
     * start failed after it got its address. Returns the second container's CreateEndpoint request.
     */
    private CreateEndpointRequest dockerRunsTwoContainersOnADualStackNetwork(Daemon daemon) {
        IpamDriver ipam = daemon.ipam();
        NetworkDriver driver = daemon.driver();
        String v4 = ipam.requestPool(docker.requestPool("10.88.0.0/16", "10.88.5.0/24", false)).poolId();
        String v6 = ipam.requestPool(docker.requestPool("fd88::/64", "", true)).poolId();
        assertThat(ipam.requestAddress(docker.requestGateway(v4)).address()).isEqualTo("10.88.0.1/16");
        assertThat(ipam.requestAddress(docker.requestGateway(v6)).address()).isEqualTo("fd88::1/64");
        ipam.requestAddress(docker.requestAddress(v4, "10.88.5.2"));
        driver.createNetwork(networkRequest());

        String first4 = ipam.requestAddress(docker.requestAddress(v4, "")).address();
        String first6 = ipam.requestAddress(docker.requestAddress(v6, "")).address();
        driver.createEndpoint(docker.createEndpoint(NET, EP1, first4, first6, ""));
        driver.join(docker.join(NET, EP1, SANDBOX));

        String second4 = ipam.requestAddress(docker.requestAddress(v4, "10.88.5.10")).address();
        String second6 = ipam.requestAddress(docker.requestAddress(v6, "")).address();
        CreateEndpointRequest second = docker.createEndpoint(NET, EP2, second4, second6, EP2_MAC);
        driver.createEndpoint(second);

        String failed = ipam.requestAddress(docker.requestAddress(v4, "")).address();
        ipam.releaseAddress(docker.releaseAddress(v4, failed.substring(0, failed.indexOf('/'))));
        return second;
    }

    private CreateNetworkRequest networkRequest() {
        return docker.createNetwork(NET, "10.88.0.0/16", "10.88.0.1/16", "fd88::/64", "fd88::1/64");
    }

    /** Opens the state and starts a driver and an IPAM over what it restored, wired to its journals. */
    private Daemon start() {
        DurableState durable = open();
        DriverState state = durable.restored().driverState();
        NetworkDriver driver = new NetworkDriver(state, kernel, durable.driverJournal());
        IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), durable.ipamJournal(), durable.restored().ipam());
        return new Daemon(durable, state, driver, ipam);
    }

    private DurableState open() {
        return DurableState.open(temp.resolve("state"), mapper, CLOCK, CommitListener.NONE);
    }

    /** Runs a counting query on the state file's committed state, on a connection of its own. */
    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("state/state.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A daemon's state, driver and IPAM; closing it closes the state, as a daemon stop does. */
    private record Daemon(DurableState durable, DriverState state, NetworkDriver driver, IpamDriver ipam)
            implements AutoCloseable {

        @Override
        public void close() {
            durable.close();
        }
    }
}
