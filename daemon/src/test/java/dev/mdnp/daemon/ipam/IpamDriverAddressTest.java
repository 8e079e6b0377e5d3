package dev.mdnp.daemon.ipam;

import static dev.mdnp.daemon.ipam.IpamRequests.address;
import static dev.mdnp.daemon.ipam.IpamRequests.gateway;
import static dev.mdnp.daemon.ipam.IpamRequests.pool;
import static dev.mdnp.daemon.ipam.IpamRequests.release;
import static dev.mdnp.daemon.ipam.IpamRequests.startingContainer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import dev.mdnp.model.ipam.RequestAddressResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code RequestAddress} and {@code ReleaseAddress} (cnm-remote-api.md §3.5, §3.6, §3.8). */
class IpamDriverAddressTest {

    private final RecordingIpamJournal journal = new RecordingIpamJournal();
    private final IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), journal, IpamSnapshot.EMPTY);

    @Test
    void aNetworkGetsTheFirstAddressAsGatewayAndContainersTheNextOnes() {
        String id = ipam.requestPool(pool("10.88.0.0/24")).poolId();

        assertThat(ipam.requestAddress(gateway(id, "")))
                .isEqualTo(new RequestAddressResponse("10.88.0.1/24", Map.of()));
        assertThat(ipam.requestAddress(address(id, "")).address()).isEqualTo("10.88.0.2/24");
        assertThat(ipam.requestAddress(address(id, "")).address()).isEqualTo("10.88.0.3/24");
    }

    @Test
    void aSpecificAddressComesBackExactlyWithThePoolsPrefix() {
        String id = ipam.requestPool(pool("10.88.0.0/16")).poolId();

        assertThat(ipam.requestAddress(address(id, "10.88.5.77")).address()).isEqualTo("10.88.5.77/16");
        assertThat(ipam.requestAddress(gateway(id, "10.88.0.254")).address()).isEqualTo("10.88.0.254/16");
    }

    @Test
    void containersGetAddressesFromTheSubPoolButGatewayAndAuxMayLieOutsideIt() {
        String id = ipam.requestPool(pool("10.88.0.0/16", "10.88.5.0/24")).poolId();

        assertThat(ipam.requestAddress(gateway(id, "")).address()).as("gateway").isEqualTo("10.88.0.1/16");
        assertThat(ipam.requestAddress(address(id, "10.88.0.10")).address()).as("aux").isEqualTo("10.88.0.10/16");
        assertThat(ipam.requestAddress(address(id, "")).address()).as("container")
                .isEqualTo("10.88.5.0/16"); // not the network address of 10.88.0.0/16, so assignable
        assertThat(ipam.requestAddress(address(id, "")).address()).isEqualTo("10.88.5.1/16");
    }

    @Test
    void theGatewayTakesTheFirstFreeAddressOfThePool() {
        String id = ipam.requestPool(pool("10.88.0.0/24")).poolId();
        ipam.requestAddress(address(id, "10.88.0.1"));

        assertThat(ipam.requestAddress(gateway(id, "")).address()).isEqualTo("10.88.0.2/24");
    }

    @Test
    void neitherTheNetworkNorTheBroadcastAddressIsHandedOut() {
        String id = ipam.requestPool(pool("10.88.0.0/30")).poolId();

        assertThat(ipam.requestAddress(gateway(id, "")).address()).isEqualTo("10.88.0.1/30");
        assertThat(ipam.requestAddress(address(id, "")).address()).isEqualTo("10.88.0.2/30");
        assertThatThrownBy(() -> ipam.requestAddress(address(id, "")))
                .isInstanceOf(IpamException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.EXHAUSTED);
    }

    @Test
    void ipv6HasNoBroadcastAddressButKeepsItsNetworkAddressOut() {
        String id = ipam.requestPool(pool("fd88::/64")).poolId();

        assertThat(ipam.requestAddress(gateway(id, "")).address()).isEqualTo("fd88::1/64");
        assertThat(ipam.requestAddress(address(id, "")).address()).isEqualTo("fd88::2/64");
        assertThat(ipam.requestAddress(address(id, "fd88::ffff:ffff:ffff:ffff")).address())
                .isEqualTo("fd88::ffff:ffff:ffff:ffff/64");
        assertThatThrownBy(() -> ipam.requestAddress(address(id, "fd88::")))
                .hasMessage("address fd88:: is the network address of fd88::/64 and cannot be assigned");
    }

    @Test
    void aReleasedAddressIsNotHandedOutAgainBeforeTheRestOfTheRange() {
        String id = ipam.requestPool(pool("10.88.0.0/24")).poolId();
        ipam.requestAddress(address(id, ""));
        ipam.requestAddress(address(id, ""));
        ipam.releaseAddress(release(id, "10.88.0.1"));

        assertThat(ipam.requestAddress(address(id, "")).address()).isEqualTo("10.88.0.3/24");
    }

    @Test
    void theSearchWrapsAroundToReleasedAddresses() {
        String id = ipam.requestPool(pool("10.88.0.0/29")).poolId();
        for (int i = 0; i < 6; i++) {
            ipam.requestAddress(address(id, ""));
        }
        ipam.releaseAddress(release(id, "10.88.0.3"));

        assertThat(ipam.requestAddress(address(id, "")).address()).isEqualTo("10.88.0.3/29");
    }

    @Test
    void aFullPoolNamesItselfAndItsSize() {
        String id = ipam.requestPool(pool("10.88.0.0/28")).poolId();
        for (int i = 0; i < 14; i++) {
            ipam.requestAddress(address(id, ""));
        }

        String full = "no free address left in pool MdnpLocal/10.88.0.0/28: all 14 assignable addresses are in use";
        assertThatThrownBy(() -> ipam.requestAddress(address(id, ""))).hasMessage(full);
        assertThatThrownBy(() -> ipam.requestAddress(gateway(id, ""))).hasMessage(full);
    }

    @Test
    void aFullSubPoolNamesTheRangeAndThePool() {
        String id = ipam.requestPool(pool("10.88.0.0/16", "10.88.5.0/30")).poolId();
        for (int i = 0; i < 4; i++) {
            ipam.requestAddress(address(id, ""));
        }

        assertThatThrownBy(() -> ipam.requestAddress(address(id, "")))
                .hasMessage("no free address left in ip range 10.88.5.0/30 of pool MdnpLocal/10.88.0.0/16/10.88.5.0/30:"
                        + " all 4 assignable addresses are in use");
        assertThat(ipam.requestAddress(address(id, "10.88.6.1")).address()).as("the pool still has room")
                .isEqualTo("10.88.6.1/16");
    }

    @Test
    void requestsForTakenAddressesAreRefusedAndChangeNothing() {
        String id = ipam.requestPool(pool("10.88.0.0/16", "10.88.5.0/24")).poolId();
        ipam.requestAddress(gateway(id, "10.88.0.254"));
        ipam.requestAddress(address(id, "10.88.0.10"));
        String endpoint = ipam.requestAddress(address(id, "")).address();
        IpamSnapshot before = ipam.snapshot();
        int recorded = journal.calls().size();

        assertThatThrownBy(() -> ipam.requestAddress(gateway(id, "10.88.0.254")))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> ipam.requestAddress(address(id, "10.88.0.10")))
                .hasMessageContaining("address 10.88.0.10 is already in use");
        assertThatThrownBy(() -> ipam.requestAddress(address(id, endpoint.substring(0, endpoint.indexOf('/')))))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThat(ipam.snapshot()).isEqualTo(before);
        assertThat(journal.calls()).hasSize(recorded);
    }

    @Test
    void aStartingContainerThatCarriesItsMacCannotTakeAnAddressInUse() {
        String id = ipam.requestPool(pool("10.88.0.0/16")).poolId();
        ipam.requestAddress(startingContainer(id, "10.88.5.77"));

        assertThatThrownBy(() -> ipam.requestAddress(startingContainer(id, "10.88.5.77")))
                .isInstanceOf(IpamException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("address 10.88.5.77 is already in use in pool MdnpLocal/10.88.0.0/16");
    }

    @Test
    void releasingAnAddressMakesItAvailableAndIsRecorded() {
        String id = ipam.requestPool(pool("10.88.0.0/16")).poolId();
        ipam.requestAddress(address(id, "10.88.5.77"));
        ipam.releaseAddress(release(id, "10.88.5.77"));

        assertThat(ipam.snapshot().addresses()).isEmpty();
        assertThat(journal.calls()).endsWith("addressReleased MdnpLocal/10.88.0.0/16 10.88.5.77");
        assertThat(ipam.requestAddress(startingContainer(id, "10.88.5.77")).address()).isEqualTo("10.88.5.77/16");
    }

    @Test
    void releasesOfRepeatsUnknownPoolsAndAddressesNeverHandedOutSucceedAndRecordNothing() {
        String id = ipam.requestPool(pool("fd88::/64")).poolId();
        ipam.requestAddress(address(id, "fd88::7"));
        ipam.releaseAddress(release(id, "fd88::7"));
        ipam.releaseAddress(release(id, "fd88::7"));
        ipam.releaseAddress(release(id, "fd88::1"));
        ipam.releaseAddress(release(id, "fd99::1"));
        ipam.releaseAddress(release(id, "10.0.0.1"));
        ipam.releaseAddress(release("MdnpLocal/10.9.0.0/16", "10.9.0.1"));

        assertThat(journal.calls()).containsExactly("poolAllocated MdnpLocal/fd88::/64",
                "addressAllocated MdnpLocal/fd88::/64 fd88::7", "addressReleased MdnpLocal/fd88::/64 fd88::7");
    }

    @Test
    void addressesAreWrittenCanonically() {
        String id = ipam.requestPool(pool("fd88::/64")).poolId();

        assertThat(ipam.requestAddress(address(id, "FD88:0:0:0:0:0:0:A")).address()).isEqualTo("fd88::a/64");
        ipam.releaseAddress(release(id, "fd88:0::a"));
        assertThat(ipam.snapshot().addresses()).isEmpty();
    }

    @Test
    void sixtyThousandSequentialAllocationsFitInASlash16() {
        String id = ipam.requestPool(pool("10.88.0.0/16")).poolId();
        Set<String> handedOut = new HashSet<>();
        for (int i = 0; i < 60_000; i++) {
            handedOut.add(ipam.requestAddress(address(id, "")).address());
        }

        assertThat(handedOut).hasSize(60_000).contains("10.88.0.1/16", "10.88.234.96/16");
        assertThat(ipam.requestAddress(address(id, "")).address()).isEqualTo("10.88.234.97/16");
    }

    @Test
    void concurrentRequestsNeverShareAnAddress() throws Exception {
        String id = ipam.requestPool(pool("10.88.0.0/16")).poolId();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        mine.add(ipam.requestAddress(address(id, "")).address());
                        if (i % 5 == 0) {
                            String bare = mine.remove(0);
                            ipam.releaseAddress(release(id, bare.substring(0, bare.indexOf('/'))));
                        }
                    }
                    return mine;
                }));
            }
            List<String> held = new ArrayList<>();
            for (Future<List<String>> result : results) {
                held.addAll(result.get());
            }

            assertThat(held).hasSize(8 * 400).doesNotHaveDuplicates();
            assertThat(ipam.snapshot().addresses()).hasSize(8 * 400);
        } finally {
            threads.shutdownNow();
        }
    }
}
