package dev.mdnp.daemon.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

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
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.OptionKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How the driver uses its {@link DriverJournal}: when it calls it, in which order, and what a failing one does. */
class NetworkDriverJournalTest {

    private static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String NET2 = "3c0d1e1f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
    private static final String EP = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    private static final String EP2 = "f1c1b9f3058c15e86d35e55161b0061e054522ff22d62e81e0eee5984456dbfe";
    private static final String SANDBOX = "/var/run/docker/netns/6683905621ff";

    private final DriverState state = new DriverState();
    private final RecordingDataplane kernel = new RecordingDataplane();
    private final RecordingDriverJournal journal = new RecordingDriverJournal();
    private final NetworkDriver driver = new NetworkDriver(state, kernel, journal);

    @Test
    void everyCallThatChangesSomethingMakesExactlyOneJournalCall() {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        driver.join(new JoinRequest(NET, EP, SANDBOX, Map.of()));
        driver.leave(new LeaveRequest(NET, EP));
        driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP));
        driver.deleteNetwork(new DeleteNetworkRequest(NET));

        assertThat(journal.calls()).containsExactly(
                "networkCreated 8f6511a52af0 mdnpb8f6511a52a",
                "endpointCreated e0b0a8e2947b on 8f6511a52af0",
                "endpointChanged e0b0a8e2947b joined " + SANDBOX,
                "endpointChanged e0b0a8e2947b left",
                "endpointDeleted e0b0a8e2947b",
                "networkDeleted 8f6511a52af0");
    }

    @Test
    void repeatsUnknownIdsAndRefusedCallsMakeNoJournalCall() {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        List<String> afterCreates = journal.calls();

        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        driver.leave(new LeaveRequest(NET, EP));
        driver.leave(new LeaveRequest(NET, EP2));
        driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP2));
        driver.deleteNetwork(new DeleteNetworkRequest(NET2));
        catchThrowableOfType(() -> driver.createNetwork(networkWithMtu(NET, "1500")), DriverException.class);
        catchThrowableOfType(() -> driver.join(new JoinRequest(NET, EP2, SANDBOX, Map.of())), DriverException.class);

        assertThat(afterCreates).hasSize(2);
        assertThat(journal.calls()).isEqualTo(afterCreates);
    }

    @Test
    void aDeletedNetworkTakesItsEndpointsWithItInOneJournalCall() {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        driver.createEndpoint(endpoint(NET, EP2));

        driver.deleteNetwork(new DeleteNetworkRequest(NET));

        assertThat(journal.calls()).hasSize(4).last().isEqualTo("networkDeleted 8f6511a52af0");
        assertThat(state.endpoints()).isEmpty();
    }

    @Test
    void theJournalIsCalledAfterTheKernelWorkAndBeforeTheStateChanges() {
        List<String> seen = new ArrayList<>();
        journal.beforeEachCall(() -> seen.add(last(kernel.calls()) + " | networks " + state.networks().size()
                + " endpoints " + state.endpoints().size()));

        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP));
        driver.deleteNetwork(new DeleteNetworkRequest(NET));

        String mac = Macs.derive(EP);
        assertThat(seen).containsExactly(
                "createNetwork mdnpb8f6511a52a mtu 0 [10.88.0.1/16] | networks 0 endpoints 0",
                "createEndpoint mdnphe0b0a8e294/mdnpce0b0a8e294 on mdnpb8f6511a52a mtu 0 mac " + mac
                        + " | networks 1 endpoints 0",
                "deleteEndpoint mdnphe0b0a8e294/mdnpce0b0a8e294 | networks 1 endpoints 1",
                "deleteNetwork mdnpb8f6511a52a | networks 1 endpoints 0");
    }

    @Test
    void aJoinIsRecordedBeforeTheEndpointCountsAsJoined() {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        List<Boolean> joinedWhenRecorded = new ArrayList<>();
        journal.beforeEachCall(() -> joinedWhenRecorded.add(state.endpoint(EP).orElseThrow().joined()));

        driver.join(new JoinRequest(NET, EP, SANDBOX, Map.of()));

        assertThat(joinedWhenRecorded).containsExactly(false);
        assertThat(state.endpoint(EP)).get().extracting(Endpoint::joined, Endpoint::sandboxKey)
                .containsExactly(true, SANDBOX);
    }

    @Test
    void aCreateNetworkThatCannotBeRecordedIsUndoneInTheKernelAndCanBeRetried() {
        journal.fail("networkCreated");

        DriverException failure = catchThrowableOfType(() -> driver.createNetwork(network(NET)),
                DriverException.class);

        assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(failure).hasMessageStartingWith("create network 8f6511a52af0: could not record it")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(kernel.calls()).containsExactly(
                "createNetwork mdnpb8f6511a52a mtu 0 [10.88.0.1/16]",
                "deleteNetwork mdnpb8f6511a52a");
        assertThat(state.network(NET)).isEmpty();
        assertThat(journal.calls()).isEmpty();

        journal.fail("");
        driver.createNetwork(network(NET));

        assertThat(state.network(NET)).isPresent();
        assertThat(journal.calls()).containsExactly("networkCreated 8f6511a52af0 mdnpb8f6511a52a");
        assertThat(kernel.calls()).last().isEqualTo("createNetwork mdnpb8f6511a52a mtu 0 [10.88.0.1/16]");
    }

    @Test
    void aCreateEndpointThatCannotBeRecordedIsUndoneInTheKernelAndCanBeRetried() {
        driver.createNetwork(network(NET));
        journal.fail("endpointCreated");

        DriverException failure = catchThrowableOfType(() -> driver.createEndpoint(endpoint(NET, EP)),
                DriverException.class);

        assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(failure).hasMessageStartingWith("create endpoint e0b0a8e2947b: could not record it");
        assertThat(kernel.calls()).endsWith(
                "createEndpoint mdnphe0b0a8e294/mdnpce0b0a8e294 on mdnpb8f6511a52a mtu 0 mac " + Macs.derive(EP),
                "deleteEndpoint mdnphe0b0a8e294/mdnpce0b0a8e294");
        assertThat(state.endpoint(EP)).isEmpty();

        journal.fail("");
        driver.createEndpoint(endpoint(NET, EP));

        assertThat(state.endpoint(EP)).isPresent();
        assertThat(journal.calls()).last().isEqualTo("endpointCreated e0b0a8e2947b on 8f6511a52af0");
    }

    @Test
    void aFailedUndoIsKeptAsSuppressedAndTheJournalFailureStaysTheCause() {
        journal.fail("networkCreated");
        kernel.fail("deleteNetwork");

        DriverException failure = catchThrowableOfType(() -> driver.createNetwork(network(NET)),
                DriverException.class);

        assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(failure).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(DataplaneException.class);
        assertThat(state.network(NET)).isEmpty();
    }

    @Test
    void aJoinThatCannotBeRecordedLeavesTheEndpointNotJoined() {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        journal.fail("endpointChanged");

        DriverException failure = catchThrowableOfType(
                () -> driver.join(new JoinRequest(NET, EP, SANDBOX, Map.of())), DriverException.class);

        assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(failure).hasMessageStartingWith("join endpoint e0b0a8e2947b: could not record it");
        assertThat(state.endpoint(EP)).get().extracting(Endpoint::joined, Endpoint::sandboxKey)
                .containsExactly(false, "");
    }

    @Test
    void aLeaveThatCannotBeRecordedLeavesTheEndpointJoined() {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        driver.join(new JoinRequest(NET, EP, SANDBOX, Map.of()));
        journal.fail("endpointChanged");

        DriverException failure = catchThrowableOfType(() -> driver.leave(new LeaveRequest(NET, EP)),
                DriverException.class);

        assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(state.endpoint(EP)).get().extracting(Endpoint::joined).isEqualTo(true);
    }

    @Test
    void aDeleteNetworkThatCannotBeRecordedKeepsTheNetworkKnownSoThatARetryRecordsIt() {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        journal.fail("networkDeleted");

        DriverException failure = catchThrowableOfType(() -> driver.deleteNetwork(new DeleteNetworkRequest(NET)),
                DriverException.class);

        assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(state.network(NET)).isPresent();
        assertThat(state.endpoint(EP)).isPresent();

        journal.fail("");
        driver.deleteNetwork(new DeleteNetworkRequest(NET));

        assertThat(state.networks()).isEmpty();
        assertThat(state.endpoints()).isEmpty();
        assertThat(journal.calls()).last().isEqualTo("networkDeleted 8f6511a52af0");
    }

    /**
     * A Join that comes while a DeleteNetwork is being recorded waits for it and answers from the state after it:
     * the network is gone. It must not have read the network before it waited.
     */
    @Test
    void aJoinDuringADeleteNetworkWaitsAndFindsTheNetworkGone() throws Exception {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        journal.beforeEachCall(() -> {
            recording.countDown();
            awaitQuietly(release);
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> delete = threads.submit(() -> driver.deleteNetwork(new DeleteNetworkRequest(NET)));
            recording.await();
            AtomicReference<Thread> joiner = new AtomicReference<>();
            Future<?> join = threads.submit(() -> {
                joiner.set(Thread.currentThread());
                return driver.join(new JoinRequest(NET, EP, SANDBOX, Map.of()));
            });
            await().until(() -> joiner.get() != null && joiner.get().getState() == Thread.State.BLOCKED);
            release.countDown();
            delete.get();

            assertThatThrownBy(join::get).cause().isInstanceOf(DriverException.class)
                    .hasMessageStartingWith("network 8f6511a52af0 is not known");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDeleteEndpointThatCannotBeRecordedKeepsTheEndpointKnown() {
        driver.createNetwork(network(NET));
        driver.createEndpoint(endpoint(NET, EP));
        journal.fail("endpointDeleted");

        DriverException failure = catchThrowableOfType(
                () -> driver.deleteEndpoint(new DeleteEndpointRequest(NET, EP)), DriverException.class);

        assertThat(failure.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(state.endpoint(EP)).isPresent();
    }

    @Test
    void restoreKernelHandsTheRestoredBridgesAndEndpointsWithTheirJoinStateToTheDataplane() {
        Network first = Network.of(network(NET));
        Network second = Network.of(new CreateNetworkRequest(NET2,
                Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.BRIDGE_NAME, "br-lab")),
                List.of(pool("10.89.0.0/16", "10.89.0.1/16")), List.of()));
        DriverState restored = DriverState.restored(List.of(first, second), List.of(
                restoredEndpoint(NET, EP).joinedTo(SANDBOX),
                restoredEndpoint(NET2, EP2)));
        NetworkDriver restarted = new NetworkDriver(restored, kernel, journal);

        restarted.restoreKernel();

        assertThat(kernel.calls()).containsExactly(
                "restore [br-lab, mdnpb8f6511a52a] [mdnphe0b0a8e294 joined, mdnphf1c1b9f305]");
        assertThat(journal.calls()).isEmpty();
    }

    @Test
    void aRestoredStateRefusesRepeatedIdsAndEndpointsOfUnknownNetworks() {
        Network network = Network.of(network(NET));
        Endpoint endpoint = restoredEndpoint(NET, EP);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DriverState.restored(List.of(network, network), List.of()))
                .withMessageContaining("network " + NET + " is recorded twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DriverState.restored(List.of(network), List.of(endpoint, endpoint.joinedTo("x"))))
                .withMessageContaining("endpoint " + EP + " is recorded twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DriverState.restored(List.of(network), List.of(restoredEndpoint(NET2, EP2))))
                .withMessageContaining("endpoint " + EP2 + " belongs to unrecorded network " + NET2);
    }

    @Test
    void aRestoredStateHoldsWhatItWasGiven() {
        Network network = Network.of(network(NET));
        Endpoint joined = restoredEndpoint(NET, EP).joinedTo(SANDBOX);

        DriverState restored = DriverState.restored(List.of(network), List.of(joined));

        assertThat(restored.networks()).containsExactly(network);
        assertThat(restored.endpointsOf(NET)).containsExactly(joined);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String last(List<String> calls) {
        return calls.isEmpty() ? "(none)" : calls.get(calls.size() - 1);
    }

    private static Endpoint restoredEndpoint(String networkId, String endpointId) {
        return Endpoint.created(endpoint(networkId, endpointId), IfNames.containerSide(endpointId),
                Macs.derive(endpointId));
    }

    private static CreateNetworkRequest network(String id) {
        return networkWithMtu(id, "");
    }

    private static CreateNetworkRequest networkWithMtu(String id, String mtu) {
        Map<String, Object> generic = mtu.isEmpty() ? Map.of() : Map.of(OptionKeys.MTU, mtu);
        return new CreateNetworkRequest(id, Map.of(OptionKeys.GENERIC, generic),
                List.of(pool("10.88.0.0/16", "10.88.0.1/16")), List.of());
    }

    private static IpamData pool(String pool, String gateway) {
        return new IpamData("LocalDefault", pool, gateway, Map.of());
    }

    private static CreateEndpointRequest endpoint(String networkId, String endpointId) {
        return new CreateEndpointRequest(networkId, endpointId, new EndpointInterface("10.88.0.2/16", "", ""),
                Map.of());
    }
}
