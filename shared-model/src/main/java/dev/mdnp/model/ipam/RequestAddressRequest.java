package dev.mdnp.model.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mdnp.model.cnm.JsonValues;
import java.util.Map;

/**
 * The body of {@code IpamDriver.RequestAddress}, for a gateway, an aux address or a container endpoint
 * ({@code cnm-remote-api.md} §3.5); the reply is {@link RequestAddressResponse}.
 *
 * <p>Docker sends {@code "Options": null} for aux and endpoint requests and a map for gateway requests; both
 * {@code null} and {@code {}} decode to an empty map, so they cannot be told apart, and nothing depends on it: a
 * gateway request is recognised by {@link dev.mdnp.model.cnm.OptionKeys#REQUEST_ADDRESS_TYPE}.
 *
 * @param poolId the id returned by {@code RequestPool}; JSON {@code "PoolID"}
 * @param address the wanted bare IP (no prefix), or {@code ""} for any; JSON {@code "Address"}; {@code null}
 *     becomes {@code ""}
 * @param options {@link dev.mdnp.model.cnm.OptionKeys#REQUEST_ADDRESS_TYPE} for a gateway,
 *     {@link dev.mdnp.model.cnm.OptionKeys#ENDPOINT_MAC_ADDRESS} when the IPAM requires MACs; JSON
 *     {@code "Options"}; {@code null} becomes empty
 */
public record RequestAddressRequest(
        @JsonProperty("PoolID") String poolId,
        @JsonProperty("Address") String address,
        @JsonProperty("Options") Map<String, String> options) {

    /**
     * Checks the id and normalises the rest.
     *
     * @param poolId the id returned by {@code RequestPool}
     * @param address the wanted bare IP
     * @param options the request options of §4
     * @throws IllegalArgumentException {@code "PoolID is required"} if the id is absent or empty, or if
     *     {@code options} holds a {@code null} value
     */
    public RequestAddressRequest {
        poolId = JsonValues.requireId(poolId, "PoolID");
        address = JsonValues.orEmpty(address);
        options = JsonValues.freezeStringMap(options, "Options");
    }
}
