package dev.mdnp.daemon.ipam;

import static dev.mdnp.daemon.ipam.IpamRequests.address;
import static dev.mdnp.daemon.ipam.IpamRequests.automaticV4;
import static dev.mdnp.daemon.ipam.IpamRequests.gateway;
import static dev.mdnp.daemon.ipam.IpamRequests.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Starting from a recorded state, as after a daemon restart, and refusing a damaged one. */
class IpamDriverRestoreTest {

    private static final String V4 = "MdnpLocal/10.88.0.0/16/10.88.5.0/24";
    private static final String V6 = "MdnpLocal/fd88::/64";
    private static final String ID16 = "MdnpLocal/10.88.0.0/16";

    @Test
    void aRestartedIpamHoldsWhatItHeldBeforeAndAnswersDockersReplay() {
        IpamDriver before = new IpamDriver();
        before.requestPool(pool("10.88.0.0/16", "10.88.5.0/24"));
        before.requestAddress(gateway(V4, "10.88.0.254"));
        before.requestAddress(address(V4, "10.88.0.10"));
        String endpoint = before.requestAddress(address(V4, "")).address();
        before.requestPool(pool("fd88::/64"));
        before.requestAddress(gateway(V6, ""));
        before.requestPool(automaticV4());

        RecordingIpamJournal journal = new RecordingIpamJournal();
        IpamDriver after = new IpamDriver(DefaultPools.builtIn(), journal, before.snapshot());

        assertThat(after.snapshot()).isEqualTo(before.snapshot());
        assertThatThrownBy(() -> after.requestPool(pool("10.88.0.0/16", "10.88.5.0/24")))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> after.requestAddress(gateway(V4, "10.88.0.254")))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> after.requestAddress(address(V4, endpoint.substring(0, endpoint.indexOf('/')))))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThat(after.requestAddress(address(V4, "")).address()).isNotEqualTo(endpoint);
        assertThat(journal.calls()).as("only the new address is recorded").hasSize(1);
    }

    @Test
    void newRequestsStepAroundRestoredPoolsAndAddresses() {
        IpamSnapshot stored = new IpamSnapshot(
                List.of(new PoolRecord("MdnpLocal/10.231.0.0/24", "MdnpLocal", "10.231.0.0/24", "", Map.of())),
                List.of(new AddressRecord("MdnpLocal/10.231.0.0/24", "10.231.0.1"),
                        new AddressRecord("MdnpLocal/10.231.0.0/24", "10.231.0.2")));
        IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), IpamJournal.NONE, stored);

        assertThat(ipam.requestAddress(address("MdnpLocal/10.231.0.0/24", "")).address()).isEqualTo("10.231.0.3/24");
        assertThat(ipam.requestPool(automaticV4()).pool()).isEqualTo("10.231.1.0/24");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedStates")
    void aDamagedStateStopsTheStartWithTheFirstBadRecord(String what, IpamSnapshot stored, String why) {
        assertThatThrownBy(() -> new IpamDriver(DefaultPools.builtIn(), IpamJournal.NONE, stored))
                .isInstanceOf(IpamException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.INTERNAL)
                .hasMessageStartingWith("stored IPAM state is inconsistent at ")
                .hasMessageContaining(why);
    }

    static Stream<Arguments> damagedStates() {
        PoolRecord slash16 = localPool(ID16, "10.88.0.0/16", "");
        return Stream.of(
                damaged("overlapping pools", List.of(slash16,
                        new PoolRecord("MdnpGlobal/10.88.1.0/24", "MdnpGlobal", "10.88.1.0/24", "", Map.of())),
                        List.of(), "it overlaps pool MdnpLocal/10.88.0.0/16"),
                damaged("repeated pool", List.of(slash16, slash16), List.of(), "it is recorded twice"),
                damaged("id not matching", List.of(localPool("MdnpLocal/10.88.0.0/24", "10.88.0.0/16", "")), List.of(),
                        "its id should be MdnpLocal/10.88.0.0/16"),
                damaged("invalid subnet", List.of(localPool("MdnpLocal/10.88.0.1/16", "10.88.0.1/16", "")), List.of(),
                        "10.88.0.1/16 has host bits set"),
                damaged("unknown space", List.of(new PoolRecord("Other/10.88.0.0/16", "Other", "10.88.0.0/16", "",
                        Map.of())), List.of(), "unknown address space \"Other\""),
                damaged("sub-pool outside", List.of(localPool(ID16 + "/10.89.0.0/24", "10.88.0.0/16", "10.89.0.0/24")),
                        List.of(), "ip range 10.89.0.0/24 is not inside the subnet 10.88.0.0/16"),
                damaged("address outside", List.of(slash16), List.of(new AddressRecord(ID16, "10.89.0.1")),
                        "is outside the subnet 10.88.0.0/16"),
                damaged("network address", List.of(slash16), List.of(new AddressRecord(ID16, "10.88.0.0")),
                        "is the network address"),
                damaged("address of no pool", List.of(slash16),
                        List.of(new AddressRecord("MdnpLocal/10.99.0.0/16", "10.99.0.1")), "its pool is not recorded"),
                damaged("repeated address", List.of(slash16),
                        List.of(new AddressRecord(ID16, "10.88.0.1"), new AddressRecord(ID16, "10.88.0.1")),
                        "it is recorded twice"),
                damaged("invalid address", List.of(slash16), List.of(new AddressRecord(ID16, "10.88.0.x")),
                        "is not a numeric IP address"));
    }

    private static PoolRecord localPool(String id, String pool, String subPool) {
        return new PoolRecord(id, "MdnpLocal", pool, subPool, Map.of());
    }

    private static Arguments damaged(String what, List<PoolRecord> pools, List<AddressRecord> addresses, String why) {
        return Arguments.of(what, new IpamSnapshot(pools, addresses), why);
    }
}
