package dev.mdnp.model.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mdnp.model.cnm.JsonValues;

/**
 * The reply to {@code IpamDriver.GetDefaultAddressSpaces} ({@code cnm-remote-api.md} §3.2). The names are the
 * plugin's own; they come back as {@code AddressSpace} in {@code RequestPool}.
 *
 * @param localDefaultAddressSpace the space of local-scope networks; JSON {@code "LocalDefaultAddressSpace"};
 *     {@code null} becomes {@code ""}
 * @param globalDefaultAddressSpace the space of global (swarm) networks; JSON {@code "GlobalDefaultAddressSpace"};
 *     {@code null} becomes {@code ""}
 */
public record GetDefaultAddressSpacesResponse(
        @JsonProperty("LocalDefaultAddressSpace") String localDefaultAddressSpace,
        @JsonProperty("GlobalDefaultAddressSpace") String globalDefaultAddressSpace) {

    /**
     * Turns absent strings into {@code ""}.
     *
     * @param localDefaultAddressSpace the space of local-scope networks
     * @param globalDefaultAddressSpace the space of global (swarm) networks
     */
    public GetDefaultAddressSpacesResponse {
        localDefaultAddressSpace = JsonValues.orEmpty(localDefaultAddressSpace);
        globalDefaultAddressSpace = JsonValues.orEmpty(globalDefaultAddressSpace);
    }
}
