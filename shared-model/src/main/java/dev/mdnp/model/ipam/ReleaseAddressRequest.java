package dev.mdnp.model.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mdnp.model.cnm.JsonValues;

/**
 * The body of {@code IpamDriver.ReleaseAddress} ({@code cnm-remote-api.md} §3.6); the reply is
 * {@link dev.mdnp.model.cnm.EmptyResponse}. It may name an address the IPAM never handed out (a gateway supplied
 * through {@code Data}); releases must be idempotent.
 *
 * @param poolId the id returned by {@code RequestPool}; JSON {@code "PoolID"}
 * @param address the bare IP to release; JSON {@code "Address"}; {@code null} becomes {@code ""}
 */
public record ReleaseAddressRequest(
        @JsonProperty("PoolID") String poolId,
        @JsonProperty("Address") String address) {

    /**
     * Checks the id and normalises the address.
     *
     * @param poolId the id returned by {@code RequestPool}
     * @param address the bare IP to release
     * @throws IllegalArgumentException {@code "PoolID is required"} if the id is absent or empty
     */
    public ReleaseAddressRequest {
        poolId = JsonValues.requireId(poolId, "PoolID");
        address = JsonValues.orEmpty(address);
    }
}
