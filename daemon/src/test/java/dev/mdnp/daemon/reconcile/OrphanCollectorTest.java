package dev.mdnp.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dockerapi.DockerEndpoint;
import dev.mdnp.daemon.dockerapi.DockerEngineException;
import dev.mdnp.daemon.dockerapi.DockerIpamNetwork;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.ipam.PoolRecord;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.EndpointInterface;
import dev.mdnp.model.cnm.IpamData;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestPoolRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of the collector's rules with a Docker view the test controls; RecoveryE2eTest checks the same against
 * a real dockerd killed with SIGKILL.
 */
class OrphanCollectorTest {

    private static final String DRIVER = "mdnp-test";
    private static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String KEPT = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    private static final String LOST = "1a2b3c4d5e6f04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";

    private final DriverState state = new DriverState();
    private final RecordingDataplane kernel = new RecordingDataplane();
    private final NetworkDriver driver = new NetworkDriver(state, kernel, DriverJournal.NONE);
    private final IpamDriver ipam = new IpamDriver();
    private final FakeDockerView docker = new FakeDockerView(DRIVER);
    private final OrphanCollector collector = new OrphanCollector(docker, DRIVER, state, driver, ipam);
    private String poolId;

    @BeforeEach
    void networkWithTwoEndpoints() {
        poolId = ipam.requestPool(new RequestPoolRequest(IpamDriver.LOCAL_ADDRESS_SPACE, "10.77.0.0/24", "",
                Map.of(), false)).poolId();
        ipam.requestAddress(new RequestAddressRequest(poolId, "10.77.0.1",
                Map.of(OptionKeys.REQUEST_ADDRESS_TYPE, OptionKeys.GATEWAY_ADDRESS_TYPE)));
        driver.createNetwork(new CreateNetworkRequest(NET, Map.of(OptionKeys.GENERIC, Map.of()),
                List.of(new IpamData(IpamDriver.LOCAL_ADDRESS_SPACE, "10.77.0.0/24", "10.77.0.1/24", Map.of())),
                List.of()));
        endpoint(KEPT, "10.77.0.2");
        endpoint(LOST, "10.77.0.3");
    }

    @Test
    void anEndpointDockerForgotIsCollectedOnTheSecondScanWithItsLinkAndAddress() {
        docker.networks().add(new DockerNetwork(NET, "net", List.of(dockerEndpoint(KEPT, "10.77.0.2/24"))));

        assertThat(collector.scan()).isEmpty();
        assertThat(state.endpoint(LOST)).isPresent();

        assertThat(collector.scan()).containsExactly(LOST);
        assertThat(state.endpoint(LOST)).isEmpty();
        assertThat(state.endpoint(KEPT)).isPresent();
        assertThat(kernel.calls()).anyMatch(call -> call.startsWith("deleteEndpoint mdnph1a2b3c4d5e"));
        assertThat(addressesOf(poolId)).containsExactly("10.77.0.1", "10.77.0.2");
    }

    @Test
    void aManagedPluginAsksDockerByItsFullReference() {
        // Docker names a managed plugin's driver by its reference (packaging-feasibility.md §5 point 11).
        FakeDockerView managed = new FakeDockerView("mdnp/mdnp:1.0");
        managed.networks().add(new DockerNetwork(NET, "net", List.of(dockerEndpoint(KEPT, "10.77.0.2/24"))));
        OrphanCollector byReference = new OrphanCollector(managed, "mdnp/mdnp:1.0", state, driver, ipam);

        byReference.scan();

        assertThat(byReference.scan()).containsExactly(LOST);
    }

    @Test
    void somethingBackInDockerBeforeTheSecondScanIsKept() {
        docker.networks().add(new DockerNetwork(NET, "net", List.of(dockerEndpoint(KEPT, "10.77.0.2/24"))));
        collector.scan();
        docker.networks().set(0, new DockerNetwork(NET, "net", List.of(dockerEndpoint(KEPT, "10.77.0.2/24"),
                dockerEndpoint(LOST, "10.77.0.3/24"))));

        assertThat(collector.scan()).isEmpty();
        assertThat(collector.scan()).isEmpty();
        assertThat(state.endpoint(LOST)).isPresent();
    }

    @Test
    void anAddressDockerGaveToAnotherEndpointIsNotFreed() {
        String other = "ffee0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
        docker.networks().add(new DockerNetwork(NET, "net", List.of(dockerEndpoint(KEPT, "10.77.0.2/24"),
                dockerEndpoint(other, "10.77.0.3/24"))));

        collector.scan();
        assertThat(collector.scan()).containsExactly(LOST);

        assertThat(addressesOf(poolId)).contains("10.77.0.3");
    }

    @Test
    void aNetworkDockerForgotIsCollectedWithItsEndpoints() {
        String otherNet = "77aa11a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
        driver.createNetwork(new CreateNetworkRequest(otherNet, Map.of(OptionKeys.GENERIC, Map.of()),
                List.of(new IpamData(IpamDriver.LOCAL_ADDRESS_SPACE, "10.78.0.0/24", "10.78.0.1/24", Map.of())),
                List.of()));
        docker.networks().add(new DockerNetwork(otherNet, "other", List.of()));

        collector.scan();
        assertThat(collector.scan()).containsExactly(NET);

        assertThat(state.network(NET)).isEmpty();
        assertThat(state.endpoints()).isEmpty();
        assertThat(addressesOf(poolId)).containsExactly("10.77.0.1");
    }

    @Test
    void whenDockerKnowsNoneOfMdnpsNetworksNothingIsCollected() {
        collector.scan();
        assertThat(collector.scan()).isEmpty();

        assertThat(state.networks()).hasSize(1);
        assertThat(state.endpoints()).hasSize(2);
    }

    @Test
    void aFailingDockerChangesNothing() {
        OrphanCollector failing = new OrphanCollector(new DockerView() {
            @Override
            public List<DockerNetwork> networksOfDriver(String driverName) {
                throw new DockerEngineException("cannot connect to the Docker engine");
            }

            @Override
            public List<DockerIpamNetwork> networksOfIpamDriver(String ipamDriver) {
                throw new DockerEngineException("cannot connect to the Docker engine");
            }
        }, DRIVER, state, driver, ipam);

        assertThatThrownBy(failing::scan).isInstanceOf(DockerEngineException.class);
        assertThat(state.endpoints()).hasSize(2);
    }

    /**
     * A ReleasePool lost while mdnp was down, or resent without its body after a restart (moby/moby#39331), leaves a
     * pool no network has (found by ChaosE2eTest: the subnet could not be created again).
     */
    @Test
    void aPoolNoNetworkOfDockersHasAndWithoutAddressesIsFreedOnTheSecondScan() {
        String lost = ipam.requestPool(new RequestPoolRequest(IpamDriver.LOCAL_ADDRESS_SPACE, "10.79.0.0/24", "",
                Map.of(), false)).poolId();
        dockerKnowsNetAndItsEndpoints();

        assertThat(collector.scan()).isEmpty();
        assertThat(collector.scan()).containsExactly("pool " + lost);

        assertThat(ipam.snapshot().pools()).extracting(PoolRecord::poolId).containsExactly(poolId);
        assertThat(addressesOf(poolId)).containsExactly("10.77.0.1", "10.77.0.2", "10.77.0.3");
    }

    @Test
    void aPoolWithAnAddressTakenIsKeptEvenWhenNoNetworkOfDockersHasIt() {
        String other = ipam.requestPool(new RequestPoolRequest(IpamDriver.LOCAL_ADDRESS_SPACE, "10.79.0.0/24", "",
                Map.of(), false)).poolId();
        ipam.requestAddress(new RequestAddressRequest(other, "", Map.of()));
        dockerKnowsNetAndItsEndpoints();

        collector.scan();
        assertThat(collector.scan()).isEmpty();
        assertThat(ipam.snapshot().pools()).hasSize(2);
    }

    /** A ReleaseAddress lost the same way leaves an address no endpoint has. */
    @Test
    void anAddressThatNoEndpointGatewayOrAuxAddressExplainsIsFreedOnTheSecondScan() {
        ipam.requestAddress(new RequestAddressRequest(poolId, "10.77.0.9", Map.of()));
        ipam.requestAddress(new RequestAddressRequest(poolId, "10.77.0.10", Map.of()));
        docker.networks().add(new DockerNetwork(NET, "net", List.of(dockerEndpoint(KEPT, "10.77.0.2/24"),
                dockerEndpoint(LOST, "10.77.0.3/24"))));
        docker.ipamNetworks().add(new DockerIpamNetwork(NET, DRIVER, List.of("10.77.0.0/24"), List.of(),
                List.of("10.77.0.10"), List.of("10.77.0.2", "10.77.0.3")));

        assertThat(collector.scan()).isEmpty();
        assertThat(collector.scan()).containsExactly("address " + poolId + " 10.77.0.9");

        assertThat(addressesOf(poolId)).containsExactly("10.77.0.1", "10.77.0.2", "10.77.0.3", "10.77.0.10");
    }

    @Test
    void anAddressTakenAgainBeforeTheSecondScanIsKept() {
        ipam.requestAddress(new RequestAddressRequest(poolId, "10.77.0.9", Map.of()));
        dockerKnowsNetAndItsEndpoints();
        collector.scan();
        docker.ipamNetworks().set(0, new DockerIpamNetwork(NET, DRIVER, List.of("10.77.0.0/24"), List.of(),
                List.of(), List.of("10.77.0.2", "10.77.0.3", "10.77.0.9")));

        assertThat(collector.scan()).isEmpty();
        assertThat(addressesOf(poolId)).contains("10.77.0.9");
    }

    /** Docker shows only a user's --gateway; of another driver's network mdnp cannot tell which address it is. */
    @Test
    void theAddressesOfAPoolWhoseGatewayNeitherDockerNorMdnpTellsAreKept() {
        String other = ipam.requestPool(new RequestPoolRequest(IpamDriver.LOCAL_ADDRESS_SPACE, "10.79.0.0/24", "",
                Map.of(), false)).poolId();
        ipam.requestAddress(new RequestAddressRequest(other, "", Map.of(OptionKeys.REQUEST_ADDRESS_TYPE,
                OptionKeys.GATEWAY_ADDRESS_TYPE)));
        dockerKnowsNetAndItsEndpoints();
        docker.ipamNetworks().add(new DockerIpamNetwork(KEPT, "bridge", List.of("10.79.0.0/24"), List.of(),
                List.of(), List.of()));

        collector.scan();
        assertThat(collector.scan()).isEmpty();
        assertThat(addressesOf(other)).containsExactly("10.79.0.1");
    }

    private void dockerKnowsNetAndItsEndpoints() {
        docker.networks().add(new DockerNetwork(NET, "net", List.of(dockerEndpoint(KEPT, "10.77.0.2/24"),
                dockerEndpoint(LOST, "10.77.0.3/24"))));
        docker.ipamNetworks().add(new DockerIpamNetwork(NET, DRIVER, List.of("10.77.0.0/24"), List.of(), List.of(),
                List.of("10.77.0.2", "10.77.0.3")));
    }

    private void endpoint(String id, String address) {
        ipam.requestAddress(new RequestAddressRequest(poolId, address, Map.of()));
        driver.createEndpoint(new CreateEndpointRequest(NET, id, new EndpointInterface(address + "/24", "", ""),
                Map.of()));
    }

    private List<String> addressesOf(String pool) {
        return ipam.snapshot().addresses().stream()
                .filter(record -> record.poolId().equals(pool))
                .map(record -> record.address())
                .toList();
    }

    private static DockerEndpoint dockerEndpoint(String endpointId, String address) {
        return new DockerEndpoint(endpointId, "c" + endpointId.substring(0, 11), address, "");
    }
}
