package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code NetworkDriver.CreateNetwork} ({@code cnm-remote-api.md} §2.2). Docker never re-sends it, so
 * the driver persists it.
 *
 * @param networkId Docker's network id, the key of all plugin state; JSON {@code "NetworkID"}
 * @param options the network options of §4 ({@link OptionKeys#GENERIC}, {@link OptionKeys#ENABLE_IPV6},
 *     {@link OptionKeys#INTERNAL}); values are strings, booleans, arrays or objects; an unmodifiable deep copy;
 *     JSON {@code "Options"}; {@code null} becomes empty
 * @param ipv4Data one entry per IPv4 pool; JSON {@code "IPv4Data"}; {@code null} becomes empty
 * @param ipv6Data one entry per IPv6 pool, empty when IPv6 is off; JSON {@code "IPv6Data"}; {@code null} becomes
 *     empty
 */
public record CreateNetworkRequest(
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("Options") Map<String, @Nullable Object> options,
        @JsonProperty("IPv4Data") List<IpamData> ipv4Data,
        @JsonProperty("IPv6Data") List<IpamData> ipv6Data) {

    /**
     * Checks the id and copies the collections.
     *
     * @param networkId Docker's network id, the key of all plugin state
     * @param options the network options of §4
     * @param ipv4Data one entry per IPv4 pool
     * @param ipv6Data one entry per IPv6 pool, empty when IPv6 is off
     * @throws IllegalArgumentException {@code "NetworkID is required"} if the id is absent or empty, or if a list
     *     holds a {@code null} element
     */
    public CreateNetworkRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
        options = JsonValues.freezeMap(options);
        ipv4Data = JsonValues.freezeList(ipv4Data, "IPv4Data");
        ipv6Data = JsonValues.freezeList(ipv6Data, "IPv6Data");
    }
}
