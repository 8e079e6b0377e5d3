package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The reply to {@code NetworkDriver.CreateEndpoint} ({@code cnm-remote-api.md} §2.5).
 *
 * <p>It carries only what Docker left empty in the request's {@code Interface} (in practice the MAC address);
 * setting a field Docker already set fails the endpoint. Usually it is {@link #empty()}, encoded as {@code {}}.
 *
 * @param endpointInterface the values the driver fills in, or {@code null} for none (omitted when encoded); JSON
 *     {@code "Interface"}
 */
public record CreateEndpointResponse(
        @JsonProperty("Interface") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable EndpointInterface endpointInterface) {

    /**
     * Returns the reply that sets nothing, encoded as {@code {}}.
     *
     * @return a response without an interface
     */
    public static CreateEndpointResponse empty() {
        return new CreateEndpointResponse(null);
    }
}
