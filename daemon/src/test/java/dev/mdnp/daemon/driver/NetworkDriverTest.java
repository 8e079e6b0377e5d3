package dev.mdnp.daemon.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mdnp.daemon.dataplane.DataplaneException;
import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.EndpointInterface;
import dev.mdnp.model.cnm.IpamData;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.JoinResponse;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkDriverTest {

    private static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String EP = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";

    private final DriverState state = new DriverState();
    private final RecordingDataplane kernel = new RecordingDataplane();
    private final NetworkDriver driver = new NetworkDriver(state, kernel, DriverJournal.NONE);

    @Test
    void capabilitiesAreLocal() {
        assertThat(driver.getCapabilities().scope()).isEqualTo("local");
        assertThat(driver.getCapabilities().connectivityScope()).isEqualTo("local");
    }

    @Test
    void repeatedCreateNetworkWithTheSameDataSucceeds() {
        driver.createNetwork(network(NET, "1400"));
        driver.createNetwork(network(NET, "1400"));

        assertThat(state.networks()).hasSize(1);
    }

    @Test
    void repeatedCreateNetworkWithDifferentDataFailsAndKeepsTheFirst() {
        driver.createNetwork(network(NET, "1400"));

        assertThatThrownBy(() -> driver.createNetwork(network(NET, "1500")))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("already exists with different settings");
        assertThat(state.network(NET)).get().extracting(n -> n.options().mtu()).isEqualTo(1400);
    }

    @Test
    void createNetworkWithAnInvalidOptionChangesNothing() {
        assertThatThrownBy(() -> driver.createNetwork(network(NET, "tiny"))).isInstanceOf(DriverException.class);

        assertThat(state.networks()).isEmpty();
    }

    @Test
    void createNetworkWithoutAnyPoolIsRefused() {
        CreateNetworkRequest request = new CreateNetworkRequest(NET, Map.of(), List.of(), List.of());

        assertThatThrownBy(() -> driver.createNetwork(request)).hasMessageContaining("no IPv4 or IPv6 pool");
    }

    @Test
    void idsWithCharactersOutsideLettersAndDigitsAreRefused() {
        assertThatThrownBy(() -> driver.deleteNetwork(new DeleteNetworkRequest("../etc")))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("NetworkID must be");
    }

    @Test
    void deleteOfUnknownNetworkSucceeds() {
        driver.deleteNetwork(new DeleteNetworkRequest(NET));

        assertThat(state.networks()).isEmpty();
    }

    @Test
    void createEndpointOnUnknownNetworkFailsAsNotFound() {
        assertThatThrownBy(() -> driver.createEndpoint(endpoint(NET, EP)))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("network 8f6511a52af0 is not known to mdnp")
                .satisfies(e -> assertThat(((DriverException) e).reason()).isEqualTo(Reason.NOT_FOUND));
        assertThat(state.endpoints()).isEmpty();
    }

    @Test
    void createNetworkBuildsTheBridgeWithMtuAndGateways() {
        driver.createNetwork(network(NET, "1400"));

        assertThat(kernel.calls()).containsExactly("createNetwork mdnpb8f6511a52a mtu 1400 [10.88.0.1/16]");
    }

    @Test
    void aRepeatedCreateNetworkTouchesTheKernelOnce() {
        driver.createNetwork(network(NET, ""));
        driver.createNetwork(network(NET, ""));

        assertThat(kernel.calls()).hasSize(1);
    }

    @Test
    void aKernelFailureLeavesNoNetworkBehind() {
        kernel.fail("createNetwork");

        assertThatThrownBy(() -> driver.createNetwork(network(NET, "")))
                .isInstanceOf(DriverException.class)
                .hasMessageStartingWith("create network 8f6511a52af0: createNetwork mdnpb8f6511a52a");
        assertThat(state.networks()).isEmpty();
    }

    @Test
    void twoNetworksCannotShareABridgeName() {
        CreateNetworkRequest first = new CreateNetworkRequest(NET,
                Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.BRIDGE_NAME, "br-demo")),
                List.of(pool("10.88.0.0/16", "10.88.0.1/16")), List.of());
        driver.createNetwork(first);
        CreateNetworkRequest second = new CreateNetworkRequest(EP, first.options(),
                List.of(pool("10.89.0.0/16", "10.89.0.1/16")), List.of());

        assertThatThrownBy(() -> driver.createNetwork(second)).hasMessageContaining("bridge br-demo is already used");
    }

    @Test
    void createEndpointBuildsAVethOnTheBridgeAndRepliesWithTheMacItChose() {
        driver.createNetwork(network(NET, "1400"));

        EndpointInterface reply = driver.createEndpoint(endpoint(NET, EP)).endpointInterface();

        assertThat(reply.address()).isEmpty();
        assertThat(reply.macAddress()).matches("02(:[0-9a-f]{2}){5}");
        assertThat(kernel.calls()).last().isEqualTo("createEndpoint mdnphe0b0a8e294/mdnpce0b0a8e294 on mdnpb8f6511a52a"
                + " mtu 1400 mac " + reply.macAddress());
        assertThat(state.endpoints()).singleElement().extracting(Endpoint::srcName).isEqualTo("mdnpce0b0a8e294");
    }

    @Test
    void createEndpointKeepsTheMacDockerSentAndRepliesEmpty() {
        driver.createNetwork(network(NET, ""));
        CreateEndpointRequest request = new CreateEndpointRequest(NET, EP,
                new EndpointInterface("10.88.0.2/16", "", "02:11:22:33:44:55"), Map.of());

        assertThat(driver.createEndpoint(request).endpointInterface()).isNull();
        assertThat(kernel.calls()).last().asString().endsWith("mac 02:11:22:33:44:55");
    }

    @Test
    void anInvalidMacIsRefusedBeforeTheKernelIsTouched() {
        driver.createNetwork(network(NET, ""));
        CreateEndpointRequest request = new CreateEndpointRequest(NET, EP,
                new EndpointInterface("10.88.0.2/16", "", "01:00:5e:00:00:01"), Map.of());

        assertThatThrownBy(() -> driver.createEndpoint(request)).hasMessageContaining("multicast");
        assertThat(kernel.calls()).hasSize(1);
    }

    /** Found by the fuzzer in a clean-clone CI run (case 77974): the kernel refused it and mdnp answered 500. */
    @Test
    void anAllZeroMacIsRefusedBeforeTheKernelIsTouched() {
        driver.createNetwork(network(NET, ""));
        CreateEndpointRequest request = new CreateEndpointRequest(NET, EP,
                new EndpointInterface("10.88.0.2/16", "", "00:00:00:00:00:00"), Map.of());

        assertThatThrownBy(() -> driver.createEndpoint(request)).isInstanceOf(DriverException.class)
                .hasMessageContaining("all-zero");
        assertThat(kernel.calls()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"::1/128, a loopback address", "::/0, the unspecified address", "ff02::1/64, a multicast address"})
    void aGatewayNoBridgeCanHoldIsRefusedBeforeTheKernelIsTouched(String gateway, String kind) {
        // Fuzzer findings (clean-clone CI run at 6b5b5fd, seed 576587610990657673): ::1/128 and ::/0 reached the
        // kernel, which refused them (EADDRNOTAVAIL), and the call answered 500.
        CreateNetworkRequest request = new CreateNetworkRequest(NET, Map.of(),
                List.of(pool("10.88.0.0/16", "10.88.0.1/16")), List.of(pool("fd88::/64", gateway)));

        assertThatThrownBy(() -> driver.createNetwork(request)).isInstanceOf(DriverException.class)
                .hasMessageContaining("invalid IPv6Data Gateway " + gateway + ": " + kind);
        assertThat(kernel.calls()).isEmpty();
        assertThat(state.networks()).isEmpty();
    }

    @Test
    void aRepeatedCreateEndpointGetsTheSameAnswerAndOneVeth() {
        driver.createNetwork(network(NET, ""));

        assertThat(driver.createEndpoint(endpoint(NET, EP))).isEqualTo(driver.createEndpoint(endpoint(NET, EP)));
        assertThat(kernel.calls()).hasSize(2);
    }

    @Test
    void aKernelFailureLeavesNoEndpointBehind() {
        driver.createNetwork(network(NET, ""));
        kernel.fail("createEndpoint");

        assertThatThrownBy(() -> driver.createEndpoint(endpoint(NET, EP))).isInstanceOf(DriverException.class);
        assertThat(state.endpoints()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"createNetwork", "createEndpoint", "deleteEndpoint", "deleteNetwork", "restore"})
    void aKernelFailureIsAnInternalErrorThatKeepsTheDataplanesFailureAndItsCause(String failing) {
        kernel.fail(failing);

        DriverException failure = catchThrowableOfType(() -> {
            driver.createNetwork(network(NET, ""));
            driver.createEndpoint(endpoint(NET, EP));
            driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP));
            driver.restoreKernel();
            driver.deleteNetwork(new DeleteNetworkRequest(NET));
        }, DriverException.class);

        assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(failure.getCause()).isInstanceOf(DataplaneException.class)
                .hasMessageStartingWith(failing + " ")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void endpointsWhoseIdsShareTheirFirstDigitsAreRefusedInsteadOfClobbered() {
        driver.createNetwork(network(NET, ""));
        driver.createEndpoint(endpoint(NET, EP));
        String twin = EP.substring(0, 20) + "f".repeat(44);

        assertThatThrownBy(() -> driver.createEndpoint(endpoint(NET, twin)))
                .hasMessageContaining("interface name mdnpce0b0a8e294");
    }

    @Test
    void deletesOfUnknownIdsStillRemoveLinksNamedAfterThem() {
        driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP));
        driver.deleteNetwork(new DeleteNetworkRequest(NET));

        assertThat(kernel.calls()).containsExactly(
                "deleteEndpoint mdnphe0b0a8e294/mdnpce0b0a8e294",
                "deleteNetwork mdnpb8f6511a52a");
    }

    @Test
    void joinNamesTheInterfaceAndTheBareGateways() {
        driver.createNetwork(network(NET, ""));
        driver.createEndpoint(endpoint(NET, EP));

        JoinResponse reply = driver.join(new JoinRequest(NET, EP, "/var/run/docker/netns/6683905621ff", Map.of()));

        assertThat(reply.interfaceName().srcName()).isEqualTo("mdnpce0b0a8e294");
        assertThat(reply.interfaceName().dstPrefix()).isEqualTo("eth");
        assertThat(reply.gateway()).isEqualTo("10.88.0.1");
        assertThat(reply.gatewayIPv6()).isEmpty();
        assertThat(state.endpoints()).singleElement().extracting(Endpoint::joined).isEqualTo(true);
    }

    @Test
    void joinHonoursTheContainerInterfacePrefixOption() {
        CreateNetworkRequest request = new CreateNetworkRequest(NET,
                Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.CONTAINER_IFACE_PREFIX, "lan")),
                List.of(pool("10.88.0.0/16", "10.88.0.1/16")), List.of());
        driver.createNetwork(request);
        driver.createEndpoint(endpoint(NET, EP));

        assertThat(driver.join(new JoinRequest(NET, EP, "", Map.of())).interfaceName().dstPrefix()).isEqualTo("lan");
    }

    @Test
    void joinOfUnknownEndpointFails() {
        driver.createNetwork(network(NET, ""));

        assertThatThrownBy(() -> driver.join(new JoinRequest(NET, EP, "", Map.of())))
                .hasMessageContaining("endpoint e0b0a8e2947b is not known");
    }

    @Test
    void leaveDeleteAndRevokeOfUnknownIdsSucceed() {
        driver.leave(new LeaveRequest(NET, EP));
        driver.revokeExternalConnectivity(new RevokeExternalConnectivityRequest(NET, EP));
        driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP));

        assertThat(state.endpoints()).isEmpty();
    }

    @Test
    void fullContainerLifecycleLeavesNoEndpoint() {
        driver.createNetwork(network(NET, ""));
        driver.createEndpoint(endpoint(NET, EP));
        driver.join(new JoinRequest(NET, EP, "", Map.of()));
        driver.leave(new LeaveRequest(NET, EP));
        assertThat(state.endpoints()).singleElement().extracting(Endpoint::joined).isEqualTo(false);

        driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP));

        assertThat(state.endpoints()).isEmpty();
    }

    @Test
    void deleteNetworkRemovesEndpointsDockerLeftBehind() {
        driver.createNetwork(network(NET, ""));
        driver.createEndpoint(endpoint(NET, EP));

        driver.deleteNetwork(new DeleteNetworkRequest(NET));

        assertThat(state.endpoints()).isEmpty();
        assertThat(kernel.calls()).endsWith("deleteEndpoint mdnphe0b0a8e294/mdnpce0b0a8e294", "deleteNetwork mdnpb8f6511a52a");
    }

    @Test
    void concurrentEndpointCreatesOnOneNetworkAllLand() throws Exception {
        driver.createNetwork(network(NET, ""));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String endpointId = String.format("%010x", i) + "a".repeat(54);
                calls.add(pool.submit(() -> driver.createEndpoint(endpoint(NET, endpointId))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(state.endpoints()).hasSize(200);
    }

    private static CreateNetworkRequest network(String id, String mtu) {
        Map<String, Object> generic = mtu.isEmpty() ? Map.of() : Map.of(OptionKeys.MTU, mtu);
        return new CreateNetworkRequest(id,
                Map.of(OptionKeys.GENERIC, generic, OptionKeys.ENABLE_IPV6, false),
                List.of(pool("10.88.0.0/16", "10.88.0.1/16")), List.of());
    }

    private static IpamData pool(String pool, String gateway) {
        return new IpamData("LocalDefault", pool, gateway, Map.of());
    }

    private static CreateEndpointRequest endpoint(String networkId, String endpointId) {
        return new CreateEndpointRequest(networkId, endpointId,
                new EndpointInterface("10.88.0.2/16", "", ""), Map.of());
    }
}
