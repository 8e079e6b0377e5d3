package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The addresses of an endpoint's interface: {@code Interface} in a {@code CreateEndpoint} request, and in its
 * reply the fields Docker left empty ({@code cnm-remote-api.md} §2.5).
 *
 * <p>In a reply, a non-empty field is an attempt to set that value, accepted only if Docker sent it empty; an empty
 * string is ignored. All three fields are always encoded.
 *
 * @param address the IPv4 address in CIDR form, or {@code ""}; JSON {@code "Address"}; {@code null} becomes
 *     {@code ""}
 * @param addressIPv6 the IPv6 address in CIDR form, or {@code ""}; JSON {@code "AddressIPv6"}; {@code null}
 *     becomes {@code ""}
 * @param macAddress the MAC address in colon form, or {@code ""}; JSON {@code "MacAddress"}; {@code null} becomes
 *     {@code ""}
 */
public record EndpointInterface(
        @JsonProperty("Address") String address,
        @JsonProperty("AddressIPv6") String addressIPv6,
        @JsonProperty("MacAddress") String macAddress) {

    /**
     * Turns absent strings into {@code ""}.
     *
     * @param address the IPv4 address in CIDR form, or {@code ""}
     * @param addressIPv6 the IPv6 address in CIDR form, or {@code ""}
     * @param macAddress the MAC address in colon form, or {@code ""}
     */
    public EndpointInterface {
        address = JsonValues.orEmpty(address);
        addressIPv6 = JsonValues.orEmpty(addressIPv6);
        macAddress = JsonValues.orEmpty(macAddress);
    }
}
