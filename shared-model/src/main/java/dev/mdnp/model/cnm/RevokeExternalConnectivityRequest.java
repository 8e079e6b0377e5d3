package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code NetworkDriver.RevokeExternalConnectivity}, sent before {@code Leave} of the gateway endpoint
 * ({@code cnm-remote-api.md} §2.10); the reply is {@link EmptyResponse}. It may come without a prior
 * {@code ProgramExternalConnectivity} (internal networks).
 *
 * @param networkId Docker's network id; JSON {@code "NetworkID"}
 * @param endpointId Docker's endpoint id; JSON {@code "EndpointID"}
 */
public record RevokeExternalConnectivityRequest(
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("EndpointID") String endpointId) {

    /**
     * Checks the ids.
     *
     * @param networkId Docker's network id
     * @param endpointId Docker's endpoint id
     * @throws IllegalArgumentException {@code "NetworkID is required"} or {@code "EndpointID is required"} if an id
     *     is absent or empty
     */
    public RevokeExternalConnectivityRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
        endpointId = JsonValues.requireId(endpointId, "EndpointID");
    }
}
