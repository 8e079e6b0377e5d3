package dev.mdnp.inspector.model;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.pool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.NetworkView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressUseTest {

    @Test
    void thePoolWhoseSubnetIsTheNetworksGivesItsUse() {
        assertThat(AddressUse.of(demoNetwork(1), List.of(pool("10.99.0.0/24", 9, 9), pool("10.77.0.0/24", 3, 251))))
                .contains(new AddressUse(3, 251));
    }

    @Test
    void aNetworkWithoutAnMdnpPoolHasNoUse() {
        assertThat(AddressUse.of(demoNetwork(1), List.of(pool("10.99.0.0/24", 9, 9)))).isEmpty();
    }

    @Test
    void ipv4AndIpv6PoolsAddUpAndAHugeFreeCountStaysAtTheCap() {
        NetworkView dual = new NetworkView("n", "", "b", 0, List.of("10.1.0.0/24"), List.of("fd00::/64"), List.of(),
                Map.of(), 0, Instant.EPOCH);

        assertThat(AddressUse.of(dual, List.of(pool("10.1.0.0/24", 2, 252), pool("fd00::/64", 2, Long.MAX_VALUE))))
                .contains(new AddressUse(4, Long.MAX_VALUE));
    }
}
