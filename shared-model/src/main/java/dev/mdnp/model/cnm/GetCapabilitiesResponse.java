package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The reply to {@code NetworkDriver.GetCapabilities} ({@code cnm-remote-api.md} §2.1).
 *
 * @param scope {@link #LOCAL} or {@link #GLOBAL}; anything else makes registration fail until dockerd restarts;
 *     JSON {@code "Scope"}; {@code null} becomes {@code ""}
 * @param connectivityScope {@link #LOCAL} or {@link #GLOBAL}; {@code ""} means the same as {@code scope}; JSON
 *     {@code "ConnectivityScope"}; {@code null} becomes {@code ""}
 */
public record GetCapabilitiesResponse(
        @JsonProperty("Scope") String scope,
        @JsonProperty("ConnectivityScope") String connectivityScope) {

    /** The scope of node-local networks, the normal choice (§2.1). */
    public static final String LOCAL = "local";

    /** The scope of cluster-wide (swarm) networks (§2.1). */
    public static final String GLOBAL = "global";

    /**
     * Turns absent strings into {@code ""}.
     *
     * @param scope {@link #LOCAL} or {@link #GLOBAL}
     * @param connectivityScope {@link #LOCAL} or {@link #GLOBAL}
     */
    public GetCapabilitiesResponse {
        scope = JsonValues.orEmpty(scope);
        connectivityScope = JsonValues.orEmpty(connectivityScope);
    }
}
