package dev.mdnp.model.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mdnp.model.cnm.JsonValues;
import java.util.Map;

/**
 * The body of {@code IpamDriver.RequestPool}, sent once per address family and pool configuration of a network,
 * and again at daemon start when replay is required ({@code cnm-remote-api.md} §3.3, §3.8); the reply is
 * {@link RequestPoolResponse}.
 *
 * @param addressSpace a space from {@code GetDefaultAddressSpaces}; JSON {@code "AddressSpace"}; {@code null}
 *     becomes {@code ""}
 * @param pool the {@code --subnet} CIDR, or {@code ""} to let the IPAM choose; JSON {@code "Pool"}; {@code null}
 *     becomes {@code ""}
 * @param subPool the {@code --ip-range} CIDR containers take addresses from, or {@code ""}; JSON
 *     {@code "SubPool"}; {@code null} becomes {@code ""}
 * @param options the {@code --ipam-opt} map; JSON {@code "Options"}; {@code null} (sent by the swarm allocator)
 *     becomes empty
 * @param v6 {@code true} for the IPv6 request; JSON {@code "V6"}
 */
public record RequestPoolRequest(
        @JsonProperty("AddressSpace") String addressSpace,
        @JsonProperty("Pool") String pool,
        @JsonProperty("SubPool") String subPool,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("V6") boolean v6) {

    /**
     * Normalises absent values and copies the options.
     *
     * @param addressSpace a space from {@code GetDefaultAddressSpaces}
     * @param pool the {@code --subnet} CIDR, or {@code ""} to let the IPAM choose
     * @param subPool the {@code --ip-range} CIDR containers take addresses from, or {@code ""}
     * @param options the {@code --ipam-opt} map
     * @param v6 {@code true} for the IPv6 request
     * @throws IllegalArgumentException if {@code options} holds a {@code null} value
     */
    public RequestPoolRequest {
        addressSpace = JsonValues.orEmpty(addressSpace);
        pool = JsonValues.orEmpty(pool);
        subPool = JsonValues.orEmpty(subPool);
        options = JsonValues.freezeStringMap(options, "Options");
    }
}
