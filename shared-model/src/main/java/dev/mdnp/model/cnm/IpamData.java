package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One IPAM pool of a network, as sent in {@code IPv4Data} / {@code IPv6Data} of {@code CreateNetwork} and
 * {@code AllocateNetwork} ({@code cnm-remote-api.md} §2.2, §2.4).
 *
 * <p>Docker omits {@code Gateway} when IPAM produced none and {@code AuxAddresses} when there are none; encoding
 * does the same.
 *
 * @param addressSpace the IPAM address space ({@code LocalDefault} for the built-in IPAM; may be {@code ""} in
 *     {@code AllocateNetwork}); JSON {@code "AddressSpace"}; {@code null} becomes {@code ""}
 * @param pool the subnet CIDR (not the {@code --ip-range}); JSON {@code "Pool"}; {@code null} becomes {@code ""}
 * @param gateway the gateway address with the pool's prefix, e.g. {@code 172.19.0.1/16}, or {@code null} when
 *     there is none; JSON {@code "Gateway"}; {@code ""} becomes {@code null}
 * @param auxAddresses name to CIDR for each {@code --aux-address}; JSON {@code "AuxAddresses"}; {@code null}
 *     becomes empty
 */
public record IpamData(
        @JsonProperty("AddressSpace") String addressSpace,
        @JsonProperty("Pool") String pool,
        @JsonProperty("Gateway") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String gateway,
        @JsonProperty("AuxAddresses") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> auxAddresses) {

    /**
     * Normalises absent values and copies the map.
     *
     * @param addressSpace the IPAM address space
     * @param pool the subnet CIDR
     * @param gateway the gateway address with the pool's prefix, or {@code null} when there is none
     * @param auxAddresses name to CIDR for each {@code --aux-address}
     * @throws IllegalArgumentException if {@code auxAddresses} holds a {@code null} value
     */
    public IpamData {
        addressSpace = JsonValues.orEmpty(addressSpace);
        pool = JsonValues.orEmpty(pool);
        gateway = gateway == null || gateway.isEmpty() ? null : gateway;
        auxAddresses = JsonValues.freezeStringMap(auxAddresses, "AuxAddresses");
    }
}
