package dev.mdnp.daemon.store;

import java.time.Instant;

/** Rows for tests, filled with plausible values; only the keys vary. */
final class SampleRows {

    static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.678Z");

    private SampleRows() {
    }

    static NetworkRow network(String id, String bridge) {
        return new NetworkRow(id, bridge, "{\"NetworkID\":\"" + id + "\"}", CREATED);
    }

    static EndpointRow endpoint(String id, String networkId, String hostIfName) {
        return new EndpointRow(id, networkId, hostIfName, hostIfName + "c", "02:42:ac:11:00:02", "10.7.0.2/24",
                "", false, "", "{\"EndpointID\":\"" + id + "\"}");
    }

    /** A tcp port published on every IPv4 address at {@code hostPort}, leading to port 80 of 10.7.0.2. */
    static PublishedPortRow port(String endpointId, int position, int hostPort) {
        return new PublishedPortRow(endpointId, position, "tcp", "0.0.0.0", hostPort, "10.7.0.2", 80, false);
    }

    static PoolRow pool(String id) {
        return new PoolRow(id, "mdnp-local", "10.7.0.0/24", "", false, "{}");
    }

    static AllocationRow allocation(String poolId, String address) {
        return new AllocationRow(poolId, address);
    }
}
