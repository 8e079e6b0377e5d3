package dev.mdnp.model.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mdnp.model.cnm.JsonValues;

/**
 * The body of {@code IpamDriver.ReleasePool} ({@code cnm-remote-api.md} §3.4); the reply is
 * {@link dev.mdnp.model.cnm.EmptyResponse}. Docker only logs a failure.
 *
 * @param poolId the id returned by {@code RequestPool}; JSON {@code "PoolID"}
 */
public record ReleasePoolRequest(@JsonProperty("PoolID") String poolId) {

    /**
     * Checks the id.
     *
     * @param poolId the id returned by {@code RequestPool}
     * @throws IllegalArgumentException {@code "PoolID is required"} if the id is absent or empty
     */
    public ReleasePoolRequest {
        poolId = JsonValues.requireId(poolId, "PoolID");
    }
}
