package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code NetworkDriver.ProgramExternalConnectivity}, sent after {@code Join} for the container's gateway
 * endpoint, where port publishing is implemented ({@code cnm-remote-api.md} §2.10); the reply is
 * {@link EmptyResponse}.
 *
 * @param networkId Docker's network id; JSON {@code "NetworkID"}
 * @param endpointId Docker's endpoint id; JSON {@code "EndpointID"}
 * @param options {@link OptionKeys#EXPOSED_PORTS}, {@link OptionKeys#PORT_MAP} and, on newer engines,
 *     {@link OptionKeys#NO_PROXY_6TO4}; an unmodifiable deep copy; JSON {@code "Options"}; {@code null} becomes
 *     empty
 */
public record ProgramExternalConnectivityRequest(
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("EndpointID") String endpointId,
        @JsonProperty("Options") Map<String, @Nullable Object> options) {

    /**
     * Checks the ids and copies the options.
     *
     * @param networkId Docker's network id
     * @param endpointId Docker's endpoint id
     * @param options the endpoint's port options of §4
     * @throws IllegalArgumentException {@code "NetworkID is required"} or {@code "EndpointID is required"} if an id
     *     is absent or empty
     */
    public ProgramExternalConnectivityRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
        endpointId = JsonValues.requireId(endpointId, "EndpointID");
        options = JsonValues.freezeMap(options);
    }
}
