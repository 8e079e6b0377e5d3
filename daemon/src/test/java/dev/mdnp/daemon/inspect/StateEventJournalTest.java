package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.inspect.InspectEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateEventJournalTest {

    private final EventLog events = new EventLog(100);

    @Test
    void leaveAndDeletesArePublishedAfterTheRealJournalAndCreationTimesAreForgotten() {
        StateEventJournal journal = new StateEventJournal(DriverJournal.NONE, events,
                InstantSource.fixed(InspectFixture.NOW), Map.of());
        InspectFixture.Docker docker = new InspectFixture.Docker(new DriverState(), journal);
        docker.network(InspectFixture.NET);
        assertThat(journal.createdAt(InspectFixture.NET)).contains(InspectFixture.NOW);
        docker.endpoint(InspectFixture.NET, InspectFixture.EP);
        docker.join(InspectFixture.NET, InspectFixture.EP);
        docker.driver().leave(new LeaveRequest(InspectFixture.NET, InspectFixture.EP));
        docker.driver().deleteEndpoint(
                new DeleteEndpointRequest(InspectFixture.NET, InspectFixture.EP));
        docker.driver().deleteNetwork(new DeleteNetworkRequest(InspectFixture.NET));

        assertThat(events.after(0, 100)).extracting(e -> ((InspectEvent.StateChange) e).change()).containsExactly(
                "network-created", "endpoint-created", "endpoint-joined", "endpoint-left", "endpoint-deleted",
                "network-deleted");
        assertThat(journal.createdAt(InspectFixture.NET)).isEmpty();
    }

    @Test
    void aRestoredNetworkKeepsTheCreationTimeTheStoreRecordedAndANewOneGetsTheClocksToTheMillisecond() {
        Instant restored = Instant.parse("2026-03-01T12:00:00.123Z");
        StateEventJournal journal = new StateEventJournal(DriverJournal.NONE, events,
                InstantSource.fixed(Instant.parse("2026-11-29T04:00:00.456789Z")), Map.of("old", restored));
        new InspectFixture.Docker(new DriverState(), journal).network(InspectFixture.NET);

        assertThat(journal.createdAt("old")).contains(restored);
        assertThat(journal.createdAt(InspectFixture.NET)).contains(Instant.parse("2026-11-29T04:00:00.456Z"));
        assertThat(journal.createdAt("unknown")).isEmpty();
    }

    @Test
    void aChangeTheRealJournalRefusesIsNotPublished() {
        StateEventJournal journal = new StateEventJournal(new RefusingJournal(), events,
                InstantSource.fixed(Instant.EPOCH), Map.of());

        assertThatIllegalStateException().isThrownBy(() -> journal.networkDeleted(InspectFixture.NET));
        assertThat(events.lastSeq()).isZero();
    }

    /** A journal whose store is gone: every call fails. */
    private static final class RefusingJournal implements DriverJournal {
        @Override
        public void networkCreated(Network network) {
            throw new IllegalStateException("store closed");
        }

        @Override
        public void networkDeleted(String networkId) {
            throw new IllegalStateException("store closed");
        }

        @Override
        public void endpointCreated(Endpoint endpoint) {
            throw new IllegalStateException("store closed");
        }

        @Override
        public void endpointChanged(Endpoint endpoint) {
            throw new IllegalStateException("store closed");
        }

        @Override
        public void endpointDeleted(String endpointId) {
            throw new IllegalStateException("store closed");
        }
    }
}
