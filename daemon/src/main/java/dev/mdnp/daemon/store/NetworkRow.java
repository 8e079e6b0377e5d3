package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A row of {@code networks}: a network mdnp created, with the request that created it, because Docker never sends
 * CreateNetwork again.
 *
 * @param id Docker's network id
 * @param bridge the name of the network's bridge, unique among networks
 * @param requestJson the whole CreateNetwork request as JSON text; the store keeps it and never parses it
 * @param createdAt when the network was created; kept to the millisecond, so the constructor truncates it
 */
public record NetworkRow(String id, String bridge, String requestJson, Instant createdAt) {

    /** Validates the components and truncates {@code createdAt} to milliseconds. */
    public NetworkRow {
        Keys.nonEmpty(id, "id");
        Keys.nonEmpty(bridge, "bridge");
        requireNonNull(requestJson, "requestJson");
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
    }
}
