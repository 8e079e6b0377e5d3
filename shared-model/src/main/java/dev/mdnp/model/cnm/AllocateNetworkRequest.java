package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code NetworkDriver.AllocateNetwork}, sent only by a swarm manager to a global-scope driver when a
 * swarm network is created ({@code cnm-remote-api.md} §2.4).
 *
 * @param networkId the 25-character swarm network id; JSON {@code "NetworkID"}
 * @param options the flat {@code -o} options (not the nested form of {@code CreateNetwork}); JSON
 *     {@code "Options"}; {@code null} becomes empty
 * @param ipv4Data one entry per IPv4 pool; JSON {@code "IPv4Data"}; {@code null} becomes empty
 * @param ipv6Data never sent by the swarm allocator, so normally empty; JSON {@code "IPv6Data"}; {@code null}
 *     becomes empty
 */
public record AllocateNetworkRequest(
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("IPv4Data") List<IpamData> ipv4Data,
        @JsonProperty("IPv6Data") List<IpamData> ipv6Data) {

    /**
     * Checks the id and copies the collections.
     *
     * @param networkId the 25-character swarm network id
     * @param options the flat {@code -o} options
     * @param ipv4Data one entry per IPv4 pool
     * @param ipv6Data never sent by the swarm allocator, so normally empty
     * @throws IllegalArgumentException {@code "NetworkID is required"} if the id is absent or empty, or if a
     *     collection holds a {@code null}
     */
    public AllocateNetworkRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
        options = JsonValues.freezeStringMap(options, "Options");
        ipv4Data = JsonValues.freezeList(ipv4Data, "IPv4Data");
        ipv6Data = JsonValues.freezeList(ipv6Data, "IPv6Data");
    }
}
