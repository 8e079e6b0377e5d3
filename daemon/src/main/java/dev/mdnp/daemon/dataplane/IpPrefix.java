package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.ip.IpLiteral;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An interface address with its prefix length, such as {@code 10.88.0.1/16} or {@code fd88::1/64}.
 *
 * @param address the address
 * @param prefixLength the number of network bits: 0-32 for IPv4, 0-128 for IPv6
 */
public record IpPrefix(InetAddress address, int prefixLength) {

    /** Validates the prefix length against the address family. */
    public IpPrefix {
        requireNonNull(address, "address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + address);
        }
    }

    /**
     * Parses {@code address/prefix} written as Docker writes it; only numeric addresses are accepted (no DNS).
     *
     * @throws IllegalArgumentException when the text is not such an address
     */
    public static IpPrefix parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not an address/prefix: \"" + cidr + "\"");
        }
        InetAddress host = literal(cidr.substring(0, slash));
        try {
            return new IpPrefix(host, Integer.parseInt(cidr.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an address/prefix: \"" + cidr + "\"", e);
        }
    }

    /**
     * Parses a bare numeric address (see {@link IpLiteral}): never resolves a name, and refuses the short IPv4 forms
     * ({@code 10.1}) the JDK would accept.
     *
     * @throws IllegalArgumentException when the text is not such an address
     */
    public static InetAddress literal(String text) {
        return IpLiteral.address(text);
    }

    /** Returns true for an IPv4 address. */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
