package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.CallBuilder.T0;
import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.CallBuilder.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecycleViewModelTest {

    private final InspectorStore store = new InspectorStore();
    private final LifecycleViewModel lifecycle = new LifecycleViewModel(store);

    private final RequestRecord otherAddress = call(1, "IpamDriver.RequestAddress")
            .request("{\"PoolID\":\"p1\",\"Address\":\"\"}").response("{\"Address\":\"10.1.0.3/24\"}").build();
    private final RequestRecord requestAddress = call(2, "IpamDriver.RequestAddress")
            .request("{\"PoolID\":\"p1\",\"Address\":\"\"}").response("{\"Address\":\"10.1.0.2/24\"}").build();
    private final RequestRecord create = call(3, "NetworkDriver.CreateEndpoint").network("n1").endpoint("e1")
            .request("{\"NetworkID\":\"n1\",\"EndpointID\":\"e1\",\"Interface\":{\"Address\":\"10.1.0.2/24\","
                    + "\"AddressIPv6\":\"\",\"MacAddress\":\"\"}}")
            .after(Duration.ofMillis(3_000)).build();
    private final RequestRecord otherCreate = call(4, "NetworkDriver.CreateEndpoint").network("n1").endpoint("e9")
            .request("{\"Interface\":{\"Address\":\"10.1.0.3/24\"}}").build();
    private final RequestRecord join = call(5, "NetworkDriver.Join").network("n1").endpoint("e1")
            .failed(500, "no such sandbox").micros(4_000).build();
    private final RequestRecord leave = call(6, "NetworkDriver.Leave").network("n1").endpoint("e1").build();
    private final RequestRecord delete = call(7, "NetworkDriver.DeleteEndpoint").network("n1").endpoint("e1").build();
    private final RequestRecord otherRelease = call(8, "IpamDriver.ReleaseAddress")
            .request("{\"PoolID\":\"p1\",\"Address\":\"10.1.0.3\"}").build();
    private final RequestRecord release = call(9, "IpamDriver.ReleaseAddress")
            .request("{\"PoolID\":\"p1\",\"Address\":\"10.1.0.2\"}").build();

    @Test
    void noEndpointNoSteps() {
        store.apply(updates(requestAddress, create, join));

        assertThat(lifecycle.steps()).isEmpty();
    }

    @Test
    void followingReadsTheLogInOrderWithTheIpamCallsForItsAddress() {
        store.apply(updates(otherAddress, requestAddress, create, otherCreate, join, leave, delete, otherRelease,
                release));

        lifecycle.endpointIdProperty().set("e1");

        assertThat(lifecycle.steps()).extracting(step -> step.call().seq()).containsExactly(2L, 3L, 5L, 6L, 7L, 9L);
    }

    @Test
    void offsetsCountFromTheFirstStep() {
        store.apply(updates(requestAddress, create, join));

        lifecycle.endpointIdProperty().set("e1");

        assertThat(lifecycle.steps()).extracting(LifecycleStep::offsetMicros).containsExactly(0L, 1_000_000L, 3_000_000L);
        assertThat(lifecycle.steps().get(2).ok()).isFalse();
        assertThat(lifecycle.steps().get(2).durationMicros()).isEqualTo(4_000);
    }

    @Test
    void stepsArriveLive() {
        lifecycle.endpointIdProperty().set("e1");
        store.apply(updates(requestAddress, create));

        store.apply(updates(join, leave));
        store.apply(updates(delete, release));

        assertThat(lifecycle.steps()).extracting(LifecycleStep::method).containsExactly("IpamDriver.RequestAddress",
                "NetworkDriver.CreateEndpoint", "NetworkDriver.Join", "NetworkDriver.Leave",
                "NetworkDriver.DeleteEndpoint", "IpamDriver.ReleaseAddress");
    }

    @Test
    void aReleaseFarAfterTheDeleteIsNotTheEndpoints() {
        lifecycle.endpointIdProperty().set("e1");
        store.apply(updates(requestAddress, create, delete));
        for (int i = 0; i < EndpointLifecycle.IPAM_REACH; i++) {
            store.apply(updates(call(100 + i, "NetworkDriver.GetCapabilities").build()));
        }

        store.apply(updates(release));

        assertThat(lifecycle.steps()).extracting(step -> step.call().seq()).containsExactly(2L, 3L, 7L);
    }

    @Test
    void clearingTheLogEmptiesTheTimeline() {
        lifecycle.endpointIdProperty().set("e1");
        store.apply(updates(create, join));

        store.clearRequests();

        assertThat(lifecycle.steps()).isEmpty();
    }

    @Test
    void switchingEndpointsRebuilds() {
        store.apply(updates(otherAddress, requestAddress, create, otherCreate));
        lifecycle.endpointIdProperty().set("e1");

        lifecycle.endpointIdProperty().set("e9");

        assertThat(lifecycle.steps()).extracting(step -> step.call().seq()).containsExactly(1L, 4L);
    }

    @Test
    void firstStepStartsTheClock() {
        store.apply(updates(create));
        lifecycle.endpointIdProperty().set("e1");

        assertThat(lifecycle.steps().get(0).call().start()).isEqualTo(T0.plusMillis(3_000));
        assertThat(lifecycle.steps().get(0).offsetMicros()).isZero();
    }
}
