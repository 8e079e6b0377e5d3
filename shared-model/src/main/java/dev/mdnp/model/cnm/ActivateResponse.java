package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The reply to {@code POST /Plugin.Activate}: the plugin interfaces this process implements
 * ({@code cnm-remote-api.md} §1.2).
 *
 * @param implementsList the interface names, exact and case-sensitive ({@link #NETWORK_DRIVER},
 *     {@link #IPAM_DRIVER}); JSON {@code "Implements"}; {@code null} becomes empty
 */
public record ActivateResponse(@JsonProperty("Implements") List<String> implementsList) {

    /** The interface name of a network driver (§1.2). */
    public static final String NETWORK_DRIVER = "NetworkDriver";

    /** The interface name of an IPAM driver (§1.2). */
    public static final String IPAM_DRIVER = "IpamDriver";

    /**
     * Copies the list.
     *
     * @param implementsList the interface names, exact and case-sensitive
     * @throws IllegalArgumentException if an element is {@code null}
     */
    public ActivateResponse {
        implementsList = JsonValues.freezeList(implementsList, "Implements");
    }
}
