package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code NetworkDriver.Leave} ({@code cnm-remote-api.md} §2.7); the reply is {@link EmptyResponse}.
 * Docker only logs a failure, so the driver should tolerate ids it does not know.
 *
 * @param networkId Docker's network id; JSON {@code "NetworkID"}
 * @param endpointId Docker's endpoint id; JSON {@code "EndpointID"}
 */
public record LeaveRequest(
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
    public LeaveRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
        endpointId = JsonValues.requireId(endpointId, "EndpointID");
    }
}
