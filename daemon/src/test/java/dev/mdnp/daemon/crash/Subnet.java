package dev.mdnp.daemon.crash;

import java.util.Random;
import java.util.Set;

/**
 * An IPv4 subnet a churn network asks the IPAM for as its {@code --subnet}, with the address arithmetic the test
 * needs.
 *
 * @param network the network address as an unsigned 32-bit number
 * @param prefix the prefix length, 8 to 30
 */
public record Subnet(long network, int prefix) {

    /** Validates the subnet. */
    public Subnet {
        if (prefix < 8 || prefix > 30 || (network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("not a subnet: " + text(network) + "/" + prefix);
        }
    }

    /** Parses {@code a.b.c.d/len}. */
    public static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        return new Subnet(address(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
    }

    /** Returns the subnet in CIDR form, as Docker sends {@code Pool}. */
    public String cidr() {
        return text(network) + "/" + prefix;
    }

    /** Returns a random assignable address (neither the network nor the broadcast address) not in {@code taken}. */
    public String randomHost(Random random, Set<String> taken) {
        long hosts = (1L << (32 - prefix)) - 2;
        while (true) {
            String candidate = text(network + 1 + (long) (random.nextDouble() * hosts));
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Returns whether {@code other} shares an address with this subnet. */
    public boolean overlaps(Subnet other) {
        long common = mask(Math.min(prefix, other.prefix));
        return (network & common) == (other.network & common);
    }

    /** Returns whether the bare address lies in this subnet. */
    public boolean contains(String address) {
        return (address(address) & mask(prefix)) == network;
    }

    /** Returns a bare address with this subnet's prefix, as Docker sends {@code Interface.Address}. */
    public String withPrefix(String address) {
        return address + "/" + prefix;
    }

    /** Returns the address of an {@code address/len} text without its prefix. */
    public static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    private static long mask(int prefix) {
        return (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    private static long address(String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        long value = 0;
        for (String part : parts) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    private static String text(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
