package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mdnp.daemon.ipam.AddressRecord;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.daemon.ipam.PoolRecord;
import dev.mdnp.model.inspect.PoolView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolUsageTest {

    private static PoolRecord pool(String pool, String subPool) {
        String id = "MdnpLocal/" + pool + (subPool.isEmpty() ? "" : "/" + subPool);
        return new PoolRecord(id, "MdnpLocal", pool, subPool, Map.of());
    }

    @Test
    void anIpv4PoolHasItsSizeLessNetworkAndBroadcastAddressesToAssign() {
        PoolRecord pool = pool("10.88.0.0/24", "");
        IpamSnapshot snapshot = new IpamSnapshot(List.of(pool), List.of(
                new AddressRecord(pool.poolId(), "10.88.0.1"), new AddressRecord(pool.poolId(), "10.88.0.2")));

        assertThat(PoolUsage.views(snapshot)).containsExactly(
                new PoolView(pool.poolId(), "MdnpLocal", "10.88.0.0/24", "", 2, 252));
    }

    @Test
    void aSubPoolCountsOnlyItsOwnAddressesAsFreeButEveryTakenAddressAsUsed() {
        PoolRecord pool = pool("10.88.0.0/16", "10.88.5.0/24");
        IpamSnapshot snapshot = new IpamSnapshot(List.of(pool), List.of(
                new AddressRecord(pool.poolId(), "10.88.0.1"), new AddressRecord(pool.poolId(), "10.88.5.7")));

        assertThat(PoolUsage.views(snapshot)).extracting(PoolView::used, PoolView::free)
                .containsExactly(tuple(2L, 255L));
    }

    @Test
    void aHugeIpv6PoolCapsItsFreeCount() {
        PoolRecord pool = pool("fd88::/64", "");
        IpamSnapshot snapshot = new IpamSnapshot(List.of(pool), List.of(new AddressRecord(pool.poolId(), "fd88::1")));

        assertThat(PoolUsage.views(snapshot).get(0).free()).isEqualTo(Long.MAX_VALUE);
        assertThat(PoolUsage.views(new IpamSnapshot(List.of(pool("fd88::/120", "")), List.of())).get(0).free())
                .isEqualTo(255);
    }
}
