package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code NetworkDriver.CreateEndpoint}, sent after IPAM has assigned the addresses
 * ({@code cnm-remote-api.md} §2.5).
 *
 * @param networkId Docker's network id; JSON {@code "NetworkID"}
 * @param endpointId Docker's endpoint id, new for every container start; JSON {@code "EndpointID"}
 * @param endpointInterface the addresses Docker assigned; JSON {@code "Interface"}; {@code null} becomes an
 *     interface with every field {@code ""}
 * @param options the endpoint options of §4 ({@link OptionKeys#EXPOSED_PORTS}, {@link OptionKeys#PORT_MAP},
 *     {@link OptionKeys#DNS_SERVERS}, {@link OptionKeys#ENDPOINT_MAC_ADDRESS}) plus every {@code --driver-opt} as a
 *     top-level string key; an unmodifiable deep copy; JSON {@code "Options"}; {@code null} becomes empty
 */
public record CreateEndpointRequest(
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("EndpointID") String endpointId,
        @JsonProperty("Interface") EndpointInterface endpointInterface,
        @JsonProperty("Options") Map<String, @Nullable Object> options) {

    /**
     * Checks the ids and normalises the rest.
     *
     * @param networkId Docker's network id
     * @param endpointId Docker's endpoint id, new for every container start
     * @param endpointInterface the addresses Docker assigned
     * @param options the endpoint options of §4
     * @throws IllegalArgumentException {@code "NetworkID is required"} or {@code "EndpointID is required"} if an id
     *     is absent or empty
     */
    public CreateEndpointRequest {
        networkId = JsonValues.requireId(networkId, "NetworkID");
        endpointId = JsonValues.requireId(endpointId, "EndpointID");
        endpointInterface = endpointInterface == null ? new EndpointInterface("", "", "") : endpointInterface;
        options = JsonValues.freezeMap(options);
    }
}
