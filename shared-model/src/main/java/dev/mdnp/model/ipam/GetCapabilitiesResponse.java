package dev.mdnp.model.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The reply to {@code IpamDriver.GetCapabilities} ({@code cnm-remote-api.md} §3.1).
 *
 * @param requiresMacAddress {@code true} to make Docker generate a MAC for every endpoint and pass it to
 *     {@code RequestAddress}; JSON {@code "RequiresMACAddress"}
 * @param requiresRequestReplay {@code true} to make Docker re-issue the pool and address requests of existing
 *     networks at daemon start (§3.8); JSON {@code "RequiresRequestReplay"}
 */
public record GetCapabilitiesResponse(
        @JsonProperty("RequiresMACAddress") boolean requiresMacAddress,
        @JsonProperty("RequiresRequestReplay") boolean requiresRequestReplay) {
}
