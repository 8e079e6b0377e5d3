package dev.mdnp.daemon.ipam;

import static dev.mdnp.daemon.ipam.IpamRequests.address;
import static dev.mdnp.daemon.ipam.IpamRequests.automaticV4;
import static dev.mdnp.daemon.ipam.IpamRequests.automaticV6;
import static dev.mdnp.daemon.ipam.IpamRequests.pool;
import static dev.mdnp.daemon.ipam.IpamRequests.releasePool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import dev.mdnp.model.ipam.RequestPoolRequest;
import dev.mdnp.model.ipam.RequestPoolResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code RequestPool} and {@code ReleasePool} (cnm-remote-api.md §3.3, §3.4, §3.8). */
class IpamDriverPoolTest {

    private final RecordingIpamJournal journal = new RecordingIpamJournal();
    private final IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), journal, IpamSnapshot.EMPTY);

    @Test
    void anAutomaticPoolIsTheFirstBlockOfTheDefaultRange() {
        RequestPoolResponse response = ipam.requestPool(automaticV4());

        assertThat(response).isEqualTo(new RequestPoolResponse("MdnpLocal/10.231.0.0/24", "10.231.0.0/24", Map.of()));
    }

    @Test
    void repeatedAutomaticRequestsGetDistinctPoolsSoDockersOverlapLoopEnds() {
        assertThat(List.of(ipam.requestPool(automaticV4()), ipam.requestPool(automaticV4()),
                ipam.requestPool(automaticV4())))
                .extracting(RequestPoolResponse::pool)
                .containsExactly("10.231.0.0/24", "10.231.1.0/24", "10.231.2.0/24");
    }

    @Test
    void anAutomaticIpv6PoolIsASlash64OfTheUniqueLocalDefault() {
        assertThat(ipam.requestPool(automaticV6()).poolId()).isEqualTo("MdnpLocal/fd6d:6e70::/64");
        assertThat(ipam.requestPool(automaticV6()).poolId()).isEqualTo("MdnpLocal/fd6d:6e70:0:1::/64");
    }

    @Test
    void automaticPoolsStepAroundExplicitOnes() {
        ipam.requestPool(pool("10.231.0.0/23"));
        ipam.requestPool(pool("10.231.3.128/25"));

        assertThat(ipam.requestPool(automaticV4()).pool()).isEqualTo("10.231.2.0/24");
        assertThat(ipam.requestPool(automaticV4()).pool()).isEqualTo("10.231.4.0/24");
    }

    @Test
    void aReleasedAutomaticPoolIsHandedOutAgain() {
        String first = ipam.requestPool(automaticV4()).poolId();
        ipam.requestPool(automaticV4());
        ipam.releasePool(releasePool(first));

        assertThat(ipam.requestPool(automaticV4()).poolId()).isEqualTo(first);
    }

    @Test
    void whenEveryDefaultPoolIsTakenTheErrorSaysWhatToDo() {
        IpamDriver small = new IpamDriver(new DefaultPools(List.of(PoolTemplate.parse("10.231.0.0/23/24"))),
                IpamJournal.NONE, IpamSnapshot.EMPTY);
        small.requestPool(automaticV4());
        small.requestPool(automaticV4());

        assertThatThrownBy(() -> small.requestPool(automaticV4()))
                .isInstanceOf(IpamException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.EXHAUSTED)
                .hasMessage("every default IPv4 pool of mdnp is in use ([10.231.0.0/23/24]); remove unused networks,"
                        + " give the network a --subnet, or add a --default-pool");
    }

    @Test
    void aVersionWithoutDefaultPoolsNeedsASubnet() {
        IpamDriver v4Only = new IpamDriver(new DefaultPools(List.of(PoolTemplate.parse("10.231.0.0/16/24"))),
                IpamJournal.NONE, IpamSnapshot.EMPTY);

        assertThatThrownBy(() -> v4Only.requestPool(automaticV6()))
                .hasMessage("mdnp has no default IPv6 pool configured; give the network an IPv6 --subnet");
    }

    @Test
    void anExplicitPoolWithASubPoolHasBothInItsId() {
        RequestPoolResponse response = ipam.requestPool(pool("10.88.0.0/16", "10.88.5.0/24"));

        assertThat(response.poolId()).isEqualTo("MdnpLocal/10.88.0.0/16/10.88.5.0/24");
        assertThat(response.pool()).isEqualTo("10.88.0.0/16");
        assertThat(response.data()).isEmpty();
    }

    @Test
    void theIdIsCanonicalWhateverTheSpelling() {
        assertThat(ipam.requestPool(pool("FD88:0:0:0::/64")).poolId()).isEqualTo("MdnpLocal/fd88::/64");
    }

    @Test
    void theGlobalAddressSpaceNamesItsPools() {
        RequestPoolRequest request = new RequestPoolRequest("MdnpGlobal", "10.66.0.0/24", "", null, false);

        assertThat(ipam.requestPool(request).poolId()).isEqualTo("MdnpGlobal/10.66.0.0/24");
    }

    @Test
    void aSecondRequestForAnAllocatedSubnetIsRefusedAndChangesNothing() {
        RequestPoolResponse first = ipam.requestPool(pool("10.88.0.0/16", "10.88.5.0/24"));
        ipam.requestAddress(address(first.poolId(), "10.88.5.7"));
        IpamSnapshot before = ipam.snapshot();

        assertThatThrownBy(() -> ipam.requestPool(new RequestPoolRequest(IpamRequests.LOCAL, "10.88.0.0/16",
                "10.88.5.0/24", Map.of("iopt", "1"), false)))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessageContaining("choose another --subnet");
        assertThat(ipam.snapshot()).isEqualTo(before);
        assertThat(journal.calls()).containsExactly("poolAllocated MdnpLocal/10.88.0.0/16/10.88.5.0/24",
                "addressAllocated MdnpLocal/10.88.0.0/16/10.88.5.0/24 10.88.5.7");
    }

    @Test
    void anAutomaticPoolCannotBeRequestedAgainExplicitly() {
        RequestPoolResponse automatic = ipam.requestPool(automaticV4());

        assertThatThrownBy(() -> ipam.requestPool(pool(automatic.pool())))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
    }

    @Test
    void theIpamOptionsAreKeptInTheRecord() {
        ipam.requestPool(new RequestPoolRequest(IpamRequests.LOCAL, "10.88.0.0/16", "", Map.of("iopt", "1"), false));

        assertThat(ipam.snapshot().pools()).singleElement()
                .isEqualTo(new PoolRecord("MdnpLocal/10.88.0.0/16", "MdnpLocal", "10.88.0.0/16", "",
                        Map.of("iopt", "1")));
    }

    @Test
    void releasingAPoolFreesItsAddressesAndItsSubnet() {
        String id = ipam.requestPool(pool("10.88.0.0/16")).poolId();
        ipam.requestAddress(address(id, "10.88.0.9"));
        ipam.releasePool(releasePool(id));

        assertThat(ipam.snapshot()).isEqualTo(IpamSnapshot.EMPTY);
        assertThat(ipam.requestPool(pool("10.88.0.0/17")).poolId()).isEqualTo("MdnpLocal/10.88.0.0/17");
        assertThat(journal.calls()).containsSubsequence("addressAllocated MdnpLocal/10.88.0.0/16 10.88.0.9",
                "poolReleased MdnpLocal/10.88.0.0/16", "poolAllocated MdnpLocal/10.88.0.0/17");
    }

    @Test
    void releasingAnUnknownOrReleasedPoolSucceedsAndRecordsNothing() {
        String id = ipam.requestPool(pool("10.88.0.0/16")).poolId();
        ipam.releasePool(releasePool(id));
        ipam.releasePool(releasePool(id));
        ipam.releasePool(releasePool("MdnpLocal/192.0.2.0/24"));
        ipam.releasePool(releasePool("not even an id"));

        assertThat(journal.calls()).containsExactly("poolAllocated MdnpLocal/10.88.0.0/16",
                "poolReleased MdnpLocal/10.88.0.0/16");
    }
}
