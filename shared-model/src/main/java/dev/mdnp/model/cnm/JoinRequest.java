package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code NetworkDriver.Join}, sent right after {@code CreateEndpoint} ({@code cnm-remote-api.md}
 * §2.6); the reply is {@link JoinResponse}.
 *
 * @param networkId Docker's network id; JSON {@code "NetworkID"}
 * @param endpointId Docker's endpoint id; JSON {@code "EndpointID"}
 * @param sandboxKey the path where the container's network namespace will be bind-mounted; for a new container it
 *     does not exist yet, so the driver must not enter it; JSON {@code "SandboxKey"}; {@code null} becomes
 *     {@code ""}
 * @param options the container-level options ({@link OptionKeys#EXPOSED_PORTS}, {@link OptionKeys#PORT_MAP}); an
 *     unmodifiable deep copy; JSON {@code "Options"}; {@code null} becomes empty
 */
public record JoinRequest(
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("EndpointID") String endpointId,
        @JsonProperty("SandboxKey") String sandboxKey,
        @JsonProperty("Options") Map<String, @Nullable Object> options) {

    /**
     * Checks the ids and normalises the rest.
     *
     * @param networkId Docker's network id
     * @param endpointId Docker's endpoint id
     * @param sandboxKey the path where the container's network namespace will be bind-mounted
     * @param options the container-level options
     * @throws IllegalArgumentException {@code "NetworkID is required"} or {@code "EndpointID is required"} if an id
     *     is absent or empty
     */
    public JoinRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
        endpointId = JsonValues.requireId(endpointId, "EndpointID");
        sandboxKey = JsonValues.orEmpty(sandboxKey);
        options = JsonValues.freezeMap(options);
    }
}
