package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The reply to {@code NetworkDriver.AllocateNetwork} ({@code cnm-remote-api.md} §2.4). The options become the
 * network's driver state: each node later receives exactly this map as {@link OptionKeys#GENERIC} in
 * {@code CreateNetwork}, so a driver echoes the user's options back to keep them.
 *
 * @param options the driver state; JSON {@code "Options"}; {@code null} becomes empty
 */
public record AllocateNetworkResponse(@JsonProperty("Options") Map<String, String> options) {

    /**
     * Copies the map.
     *
     * @param options the driver state
     * @throws IllegalArgumentException if the map holds a {@code null} value
     */
    public AllocateNetworkResponse {
        options = JsonValues.freezeStringMap(options, "Options");
    }
}
