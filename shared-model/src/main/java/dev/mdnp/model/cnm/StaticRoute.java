package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A route Docker installs in the container after a {@code Join} ({@code cnm-remote-api.md} §2.6).
 *
 * @param destination the destination CIDR; {@code 0.0.0.0/0} counts as a default route; JSON
 *     {@code "Destination"}; {@code null} becomes {@code ""}
 * @param routeType {@link #NEXT_HOP} (via {@code nextHop}) or {@link #CONNECTED} (on-link, bound to the
 *     interface); JSON {@code "RouteType"}
 * @param nextHop the bare gateway address for {@link #NEXT_HOP}, {@code ""} for {@link #CONNECTED} (omitted when
 *     encoded); JSON {@code "NextHop"}; {@code null} becomes {@code ""}
 */
public record StaticRoute(
        @JsonProperty("Destination") String destination,
        @JsonProperty("RouteType") int routeType,
        @JsonProperty("NextHop") @JsonInclude(JsonInclude.Include.NON_EMPTY) String nextHop) {

    /** The route type of a route via {@code NextHop}, not bound to the interface (§2.6). */
    public static final int NEXT_HOP = 0;

    /** The route type of a connected (on-link) route bound to the interface; {@code NextHop} is empty (§2.6). */
    public static final int CONNECTED = 1;

    /**
     * Turns absent strings into {@code ""}.
     *
     * @param destination the destination CIDR
     * @param routeType {@link #NEXT_HOP} or {@link #CONNECTED}
     * @param nextHop the bare gateway address for {@link #NEXT_HOP}, {@code ""} for {@link #CONNECTED}
     */
    public StaticRoute {
        destination = JsonValues.orEmpty(destination);
        nextHop = JsonValues.orEmpty(nextHop);
    }
}
