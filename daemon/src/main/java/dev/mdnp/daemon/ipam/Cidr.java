package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * A subnet: a network address and a prefix length whose host bits are all zero, such as {@code 10.88.0.0/16} or
 * {@code fd88::/64}.
 *
 * @param network the first address of the subnet
 * @param prefixLength the number of network bits, from 0 to 32 (IPv4) or 128 (IPv6)
 */
public record Cidr(IpAddress network, int prefixLength) {

    /**
     * Checks the prefix length and that no host bit is set.
     *
     * @param network the first address of the subnet
     * @param prefixLength the number of network bits
     * @throws IllegalArgumentException if the length is out of range or a host bit is set; the message then names
     *     the network the user probably meant
     */
    public Cidr {
        requireNonNull(network, "network");
        int bits = network.version().bits();
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length /" + prefixLength + " is out of range for "
                    + network.version().label() + " (0 to " + bits + ")");
        }
        BigInteger hostBits = network.value().and(hostMask(bits, prefixLength));
        if (hostBits.signum() != 0) {
            IpAddress masked = new IpAddress(network.version(), network.value().subtract(hostBits));
            throw new IllegalArgumentException(network + "/" + prefixLength + " has host bits set; the subnet is "
                    + masked + "/" + prefixLength);
        }
    }

    /**
     * Parses {@code address/prefix} with a bare numeric address (see {@link IpAddress#parse}) and a decimal prefix.
     *
     * @param text the subnet
     * @return the subnet
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not a subnet in CIDR notation (address/prefix)");
        }
        String length = text.substring(slash + 1);
        boolean leadingZero = length.length() > 1 && length.charAt(0) == '0';
        if (length.isEmpty() || length.length() > 3 || leadingZero
                || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("\"" + text + "\" has no valid prefix length after the /");
        }
        return new Cidr(IpAddress.parse(text.substring(0, slash)), Integer.parseInt(length));
    }

    /** Returns the IP version of the subnet. */
    public IpVersion version() {
        return network.version();
    }

    /** Returns the number of addresses in the subnet, {@code 2^(bits - prefixLength)}. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(network.version().bits() - prefixLength);
    }

    /** Returns the numeric value of the first address (the network address). */
    public BigInteger first() {
        return network.value();
    }

    /** Returns the numeric value of the last address (for IPv4, the broadcast address). */
    public BigInteger last() {
        return network.value().add(size()).subtract(BigInteger.ONE);
    }

    /** Returns true when the address is of the same version and inside the subnet. */
    public boolean contains(IpAddress address) {
        return address.version() == version()
                && address.value().compareTo(first()) >= 0 && address.value().compareTo(last()) <= 0;
    }

    /** Returns true when {@code other} is of the same version and entirely inside this subnet. */
    public boolean contains(Cidr other) {
        return other.version() == version() && other.prefixLength >= prefixLength && contains(other.network);
    }

    /** Returns true when the two subnets are of the same version and share at least one address. */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** Returns the canonical text, such as {@code 10.88.0.0/16}. */
    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }

    private static BigInteger hostMask(int bits, int prefixLength) {
        return BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE);
    }
}
