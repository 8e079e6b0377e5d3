package dev.mdnp.model.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mdnp.model.cnm.JsonValues;
import java.util.Map;

/**
 * The reply to {@code IpamDriver.RequestAddress} ({@code cnm-remote-api.md} §3.5).
 *
 * @param address the address in CIDR form, the prefix being the pool's length; an empty one makes Docker fail with
 *     {@code No address returned}; JSON {@code "Address"}; {@code null} becomes {@code ""}
 * @param data address metadata; JSON {@code "Data"}; {@code null} becomes empty
 */
public record RequestAddressResponse(
        @JsonProperty("Address") String address,
        @JsonProperty("Data") Map<String, String> data) {

    /**
     * Normalises absent values and copies the data.
     *
     * @param address the address in CIDR form, the prefix being the pool's length
     * @param data address metadata
     * @throws IllegalArgumentException if {@code data} holds a {@code null} value
     */
    public RequestAddressResponse {
        address = JsonValues.orEmpty(address);
        data = JsonValues.freezeStringMap(data, "Data");
    }
}
