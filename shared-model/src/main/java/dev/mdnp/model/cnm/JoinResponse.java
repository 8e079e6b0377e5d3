package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reply to {@code NetworkDriver.Join} ({@code cnm-remote-api.md} §2.6). Every field is optional; encoding
 * omits a {@code null} or empty field and a {@code false} {@code DisableGatewayService}.
 *
 * <p>Without an IPv4 {@code Gateway}, a {@code 0.0.0.0/0} static route or {@code DisableGatewayService}, Docker
 * adds a second interface on {@code docker_gwbridge}; an IPv6 gateway alone does not count.
 *
 * @param interfaceName the interface to move into the container, or {@code null} to attach none; JSON
 *     {@code "InterfaceName"}
 * @param gateway the IPv4 default gateway as a bare address, or {@code ""}; JSON {@code "Gateway"}; {@code null}
 *     becomes {@code ""}
 * @param gatewayIPv6 the IPv6 default gateway as a bare address, or {@code ""}; JSON {@code "GatewayIPv6"};
 *     {@code null} becomes {@code ""}
 * @param staticRoutes extra routes; JSON {@code "StaticRoutes"}; {@code null} becomes empty
 * @param disableGatewayService {@code true} to keep this endpoint from attaching the container to
 *     {@code docker_gwbridge}; JSON {@code "DisableGatewayService"}
 */
public record JoinResponse(
        @JsonProperty("InterfaceName") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable InterfaceName interfaceName,
        @JsonProperty("Gateway") @JsonInclude(JsonInclude.Include.NON_EMPTY) String gateway,
        @JsonProperty("GatewayIPv6") @JsonInclude(JsonInclude.Include.NON_EMPTY) String gatewayIPv6,
        @JsonProperty("StaticRoutes") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StaticRoute> staticRoutes,
        @JsonProperty("DisableGatewayService") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        boolean disableGatewayService) {

    /**
     * Normalises absent values and copies the list.
     *
     * @param interfaceName the interface to move into the container, or {@code null} to attach none
     * @param gateway the IPv4 default gateway as a bare address, or {@code ""}
     * @param gatewayIPv6 the IPv6 default gateway as a bare address, or {@code ""}
     * @param staticRoutes extra routes
     * @param disableGatewayService {@code true} to keep this endpoint from attaching the container to
     *     {@code docker_gwbridge}
     * @throws IllegalArgumentException if {@code staticRoutes} holds a {@code null} element
     */
    public JoinResponse {
        gateway = JsonValues.orEmpty(gateway);
        gatewayIPv6 = JsonValues.orEmpty(gatewayIPv6);
        staticRoutes = JsonValues.freezeList(staticRoutes, "StaticRoutes");
    }
}
