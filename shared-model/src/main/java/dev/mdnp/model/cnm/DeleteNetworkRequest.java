package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code NetworkDriver.DeleteNetwork} ({@code cnm-remote-api.md} §2.3); the reply is
 * {@link EmptyResponse}. The id may be unknown to the driver, which must still succeed.
 *
 * @param networkId Docker's network id; JSON {@code "NetworkID"}
 */
public record DeleteNetworkRequest(@JsonProperty("NetworkID") String networkId) {

    /**
     * Checks the id.
     *
     * @param networkId Docker's network id
     * @throws IllegalArgumentException {@code "NetworkID is required"} if the id is absent or empty
     */
    public DeleteNetworkRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
    }
}
