package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of both {@code NetworkDriver.DiscoverNew} and {@code NetworkDriver.DiscoverDelete}: a swarm node
 * appeared or disappeared ({@code cnm-remote-api.md} §2.11). The reply is {@link EmptyResponse}; Docker only logs
 * errors.
 *
 * @param discoveryType the kind of event; Docker forwards only {@link #NODE_DISCOVERY}; JSON
 *     {@code "DiscoveryType"}
 * @param discoveryData for node discovery {@code Address}, {@code BindAddress} and {@code Self} (capitalised on the
 *     wire); an unmodifiable deep copy; JSON {@code "DiscoveryData"}; {@code null} becomes empty
 */
public record DiscoveryNotification(
        @JsonProperty("DiscoveryType") int discoveryType,
        @JsonProperty("DiscoveryData") Map<String, @Nullable Object> discoveryData) {

    /** The discovery type of node events, the only one Docker forwards (§2.11). */
    public static final int NODE_DISCOVERY = 1;

    /**
     * Copies the data.
     *
     * @param discoveryType the kind of event
     * @param discoveryData for node discovery {@code Address}, {@code BindAddress} and {@code Self}
     */
    public DiscoveryNotification {
        discoveryData = JsonValues.freezeMap(discoveryData);
    }
}
