package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code NetworkDriver.FreeNetwork}, sent by a swarm manager when a swarm network is removed
 * ({@code cnm-remote-api.md} §2.4); the reply is {@link EmptyResponse}.
 *
 * @param networkId the swarm network id; JSON {@code "NetworkID"}
 */
public record FreeNetworkRequest(@JsonProperty("NetworkID") String networkId) {

    /**
     * Checks the id.
     *
     * @param networkId the swarm network id
     * @throws IllegalArgumentException {@code "NetworkID is required"} if the id is absent or empty
     */
    public FreeNetworkRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
    }
}
