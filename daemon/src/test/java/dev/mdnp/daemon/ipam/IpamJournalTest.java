package dev.mdnp.daemon.ipam;

import static dev.mdnp.daemon.ipam.IpamRequests.address;
import static dev.mdnp.daemon.ipam.IpamRequests.automaticV4;
import static dev.mdnp.daemon.ipam.IpamRequests.gateway;
import static dev.mdnp.daemon.ipam.IpamRequests.pool;
import static dev.mdnp.daemon.ipam.IpamRequests.release;
import static dev.mdnp.daemon.ipam.IpamRequests.releasePool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The write-ahead contract of {@link IpamJournal}: one call per change, before it; a failed call changes nothing. */
class IpamJournalTest {

    private static final String ID = "MdnpLocal/10.88.0.0/24";
    private static final IpamSnapshot ONE_POOL = new IpamSnapshot(
            List.of(new PoolRecord(ID, "MdnpLocal", "10.88.0.0/24", "", Map.of())),
            List.of(new AddressRecord(ID, "10.88.0.1"), new AddressRecord(ID, "10.88.0.2")));

    @Test
    void everyChangeIsRecordedOnceAndInOrder() {
        RecordingIpamJournal journal = new RecordingIpamJournal();
        IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), journal, IpamSnapshot.EMPTY);

        String id = ipam.requestPool(pool("10.88.0.0/24")).poolId();
        ipam.requestAddress(gateway(id, ""));
        ipam.requestAddress(address(id, "10.88.0.10"));
        ipam.requestAddress(address(id, ""));
        ipam.releaseAddress(release(id, "10.88.0.2"));
        ipam.releaseAddress(release(id, "10.88.0.1"));
        ipam.releasePool(releasePool(id));

        assertThat(journal.calls()).containsExactly(
                "poolAllocated MdnpLocal/10.88.0.0/24",
                "addressAllocated MdnpLocal/10.88.0.0/24 10.88.0.1",
                "addressAllocated MdnpLocal/10.88.0.0/24 10.88.0.10",
                "addressAllocated MdnpLocal/10.88.0.0/24 10.88.0.2",
                "addressReleased MdnpLocal/10.88.0.0/24 10.88.0.2",
                "addressReleased MdnpLocal/10.88.0.0/24 10.88.0.1",
                "poolReleased MdnpLocal/10.88.0.0/24");
    }

    @Test
    void whenTheJournalFailsEveryChangingCallFailsAndChangesNothing() {
        IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), new FailingIpamJournal(), ONE_POOL);

        assertFailsUnrecorded(ipam, () -> ipam.requestPool(automaticV4()));
        assertFailsUnrecorded(ipam, () -> ipam.requestPool(pool("10.89.0.0/16")));
        assertFailsUnrecorded(ipam, () -> ipam.requestAddress(address(ID, "")));
        assertFailsUnrecorded(ipam, () -> ipam.requestAddress(gateway(ID, "")));
        assertFailsUnrecorded(ipam, () -> ipam.requestAddress(address(ID, "10.88.0.77")));
        assertFailsUnrecorded(ipam, () -> ipam.releaseAddress(release(ID, "10.88.0.2")));
        assertFailsUnrecorded(ipam, () -> ipam.releasePool(releasePool(ID)));
    }

    @Test
    void aFailedNextAddressDoesNotMoveTheCursor() {
        IpamJournal failsOnce = new IpamJournal() {
            private boolean failed;

            @Override
            public void poolAllocated(PoolRecord pool) {
            }

            @Override
            public void poolReleased(PoolRecord pool) {
            }

            @Override
            public void addressAllocated(AddressRecord address) {
                if (!failed) {
                    failed = true;
                    throw new IpamException(Reason.INTERNAL, "could not record " + address.address());
                }
            }

            @Override
            public void addressReleased(AddressRecord address) {
            }
        };
        IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), failsOnce, ONE_POOL);

        assertThatThrownBy(() -> ipam.requestAddress(address(ID, ""))).hasMessage("could not record 10.88.0.3");
        assertThat(ipam.requestAddress(address(ID, "")).address()).isEqualTo("10.88.0.3/24");
    }

    @Test
    void callsThatChangeNothingNeverReachTheJournal() {
        IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), new FailingIpamJournal(), ONE_POOL);

        assertThatThrownBy(() -> ipam.requestPool(pool("10.88.0.0/24")))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> ipam.requestAddress(gateway(ID, "10.88.0.1")))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        ipam.releaseAddress(release(ID, "10.88.0.99"));
        ipam.releaseAddress(release("MdnpLocal/10.1.0.0/16", "10.1.0.1"));
        ipam.releasePool(releasePool("MdnpLocal/10.1.0.0/16"));

        assertThat(ipam.snapshot()).isEqualTo(ONE_POOL);
    }

    private static void assertFailsUnrecorded(IpamDriver ipam, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(IpamException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.INTERNAL)
                .hasMessageContaining("disk I/O error");
        assertThat(ipam.snapshot()).isEqualTo(ONE_POOL);
    }
}
