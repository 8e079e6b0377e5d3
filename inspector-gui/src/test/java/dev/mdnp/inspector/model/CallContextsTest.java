package dev.mdnp.inspector.model;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.SUBNET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.container;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.named;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.networkCalls;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.pool;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.releaseAddress;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.runCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.RequestRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallContextsTest {

    private static final String EP = "1".repeat(40);

    private final CallContexts contexts = new CallContexts();

    @Test
    void anIpamCallShowsItsPoolAndAddressAndTheEndpointItServedFromTheCallsAlone() {
        List<RequestRecord> network = networkCalls(1);
        List<RequestRecord> run = runCalls(4, '1', "10.77.0.2/24", 1_000);
        network.forEach(contexts::learn);
        run.forEach(contexts::learn);

        CallContext pool = contexts.of(network.get(0));
        CallContext gateway = contexts.of(network.get(1));
        CallContext address = contexts.of(run.get(0));

        assertThat(pool.ipamLabel()).isEqualTo("pool " + SUBNET);
        assertThat(pool.networkId()).isEqualTo(NET);
        assertThat(gateway.ipamLabel()).isEqualTo("gateway 10.77.0.1 of " + SUBNET);
        assertThat(gateway.endpointId()).isEmpty();
        assertThat(address.ipamLabel()).isEqualTo("10.77.0.2 of " + SUBNET);
        assertThat(address.endpointId()).isEqualTo(EP);
        assertThat(address.networkId()).isEqualTo(NET);
        assertThat(address.containerLabel()).as("no names known: the endpoint's short id")
                .isEqualTo(EP.substring(0, 12));
        assertThat(address.networkLabel()).isEqualTo(NET.substring(0, 12));
    }

    @Test
    void dockersNamesNameTheNetworkAndTheContainerAndStayAfterTheObjectsAreGone() {
        contexts.learn(List.of(named(demoNetwork(1), "front")),
                List.of(endpoint('1', "10.77.0.2/24", true).withContainer(container("web", "www"))),
                List.of(pool(SUBNET, 2, 252)));
        contexts.learn(List.of(), List.of(), List.of());

        CallContext released = contexts.of(releaseAddress(9, "10.77.0.2/24"));
        CallContext join = contexts.of(runCalls(4, '1', "10.77.0.2/24", 1_000).get(2));

        assertThat(released.networkLabel()).isEqualTo("front");
        assertThat(released.containerLabel()).isEqualTo("web");
        assertThat(released.ipamLabel()).isEqualTo("10.77.0.2 of " + SUBNET);
        assertThat(join.container().aliases()).containsExactly("www");
        assertThat(contexts.networkName(NET)).isEqualTo("front");
        assertThat(contexts.containerOf(EP).name()).isEqualTo("web");
    }

    @Test
    void aCallBeforeWhatExplainsItIsExplainedOnceThatArrives() {
        RequestRecord address = runCalls(4, '1', "10.77.0.2/24", 1_000).get(0);
        assertThat(contexts.of(address).endpointId()).isEmpty();
        long before = contexts.version();

        boolean learned = contexts.learn(runCalls(4, '1', "10.77.0.2/24", 1_000).get(1));

        assertThat(learned).isTrue();
        assertThat(contexts.version()).isGreaterThan(before);
        assertThat(contexts.of(address).endpointId()).isEqualTo(EP);
        assertThat(contexts.learn(runCalls(4, '1', "10.77.0.2/24", 1_000).get(1))).as("nothing new").isFalse();
    }

    @Test
    void aCallWithoutContextOrWithBrokenJsonHasNone() {
        RequestRecord activate = call(1, "Plugin.Activate").build();
        RequestRecord broken = call(2, "IpamDriver.RequestAddress")
                .request("{\"PoolID\": …").response("").build();

        assertThat(contexts.of(activate)).isEqualTo(CallContext.NONE);
        assertThat(contexts.of(broken).ipamLabel()).isEmpty();
        assertThat(contexts.of(broken).containerLabel()).isEmpty();
    }
}
