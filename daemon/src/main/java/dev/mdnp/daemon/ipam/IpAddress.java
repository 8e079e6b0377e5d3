package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * A bare IPv4 or IPv6 address held as its numeric value, such as {@code 10.88.5.77} or {@code fd88::1}.
 *
 * <p>Parsing is done here, never by {@link java.net.InetAddress}, so no text can ever cause a DNS lookup. The text
 * form is canonical: dotted decimal for IPv4 and the compressed lower-case form of RFC 5952 for IPv6, as Docker
 * (Go's {@code net/netip}) prints them.
 *
 * @param version the IP version
 * @param value the address as an unsigned number below {@code 2^version.bits()}
 */
public record IpAddress(IpVersion version, BigInteger value) {

    /**
     * Checks that the value fits the version.
     *
     * @param version the IP version
     * @param value the address as an unsigned number
     * @throws IllegalArgumentException if the value is negative or too large for the version
     */
    public IpAddress {
        requireNonNull(version, "version");
        requireNonNull(value, "value");
        if (value.signum() < 0 || value.bitLength() > version.bits()) {
            throw new IllegalArgumentException(value + " is not an " + version.label() + " address value");
        }
    }

    /**
     * Parses a bare numeric address: four decimal octets for IPv4, hexadecimal groups with at most one {@code ::}
     * (and an optional dotted IPv4 tail) for IPv6. A prefix, a zone ({@code %eth0}), brackets or a host name are
     * refused.
     *
     * @param text the address
     * @return the address
     * @throws IllegalArgumentException naming the text when it is not such an address
     */
    public static IpAddress parse(String text) {
        return IpText.parse(text);
    }

    /** Returns the canonical text form. */
    @Override
    public String toString() {
        return IpText.format(this);
    }
}
