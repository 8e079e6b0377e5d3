package dev.mdnp.model.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mdnp.model.cnm.JsonValues;
import java.util.Map;

/**
 * The reply to {@code IpamDriver.RequestPool} ({@code cnm-remote-api.md} §3.3).
 *
 * @param poolId the opaque id every later call for this pool carries; identical requests should get the same id;
 *     JSON {@code "PoolID"}
 * @param pool the pool's CIDR; JSON {@code "Pool"}; {@code null} becomes {@code ""}
 * @param data pool metadata; {@link dev.mdnp.model.cnm.OptionKeys#GATEWAY_ADDRESS_TYPE} with a CIDR value tells
 *     Docker the gateway; JSON {@code "Data"}; {@code null} becomes empty
 */
public record RequestPoolResponse(
        @JsonProperty("PoolID") String poolId,
        @JsonProperty("Pool") String pool,
        @JsonProperty("Data") Map<String, String> data) {

    /**
     * Checks the id and normalises the rest.
     *
     * @param poolId the opaque id every later call for this pool carries
     * @param pool the pool's CIDR
     * @param data pool metadata
     * @throws IllegalArgumentException {@code "PoolID is required"} if the id is absent or empty, or if
     *     {@code data} holds a {@code null} value
     */
    public RequestPoolResponse {
        poolId = JsonValues.requireId(poolId, "PoolID");
        pool = JsonValues.orEmpty(pool);
        data = JsonValues.freezeStringMap(data, "Data");
    }
}
