package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;

/**
 * An IP address on a link, as {@code ip addr} shows it: {@code 10.0.0.1/24} on link 7.
 *
 * @param linkIndex    the index of the link it is on, positive
 * @param address      the link's own address ({@code IFA_LOCAL} for IPv4, {@code IFA_ADDRESS} for IPv6)
 * @param prefixLength the prefix length, 0 to 32 for IPv4 and 0 to 128 for IPv6
 */
public record Address(int linkIndex, InetAddress address, int prefixLength) {

    /** Checks the index and the prefix length against the family. */
    public Address {
        if (linkIndex <= 0) {
            throw new IllegalArgumentException("link index must be positive, got " + linkIndex);
        }
        requireNonNull(address, "address");
        int max = IpFamily.of(address).maxPrefixLength();
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length of " + address.getHostAddress() + " must be 0.." + max
                    + ", got " + prefixLength);
        }
    }

    /** Returns the address family. */
    public IpFamily family() {
        return IpFamily.of(address);
    }

    /** Returns {@code address/prefixLength}, such as {@code 10.0.0.1/24}. */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + " on link " + linkIndex;
    }
}
