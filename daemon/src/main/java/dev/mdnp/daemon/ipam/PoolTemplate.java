package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

/**
 * A range that automatic pools are carved from, like Docker's {@code --default-address-pool base=...,size=...}:
 * {@code 10.231.0.0/16} split into /24s gives 256 pools.
 *
 * @param base the range the pools are taken from
 * @param size the prefix length of each pool; at least the base's prefix length and at most
 *     {@link IpVersion#maxPoolPrefix()}
 */
public record PoolTemplate(Cidr base, int size) {

    private static final String EXAMPLES = "such as 10.231.0.0/16/24 or fd6d:6e70::/48/64";

    /**
     * Checks that the size fits the base.
     *
     * @param base the range the pools are taken from
     * @param size the prefix length of each pool
     * @throws IllegalArgumentException if the pools would be larger than the base or too small to hold a gateway and
     *     a container
     */
    public PoolTemplate {
        requireNonNull(base, "base");
        if (size < base.prefixLength()) {
            throw new IllegalArgumentException("pool size /" + size + " is larger than the range " + base);
        }
        if (size > base.version().maxPoolPrefix()) {
            throw new IllegalArgumentException("pool size /" + size + " is too small: an "
                    + base.version().label() + " pool needs at least two usable addresses (/"
                    + base.version().maxPoolPrefix() + " or larger)");
        }
    }

    /**
     * Parses the value of {@code --default-pool}: a range in CIDR notation, a slash and the size of each pool. Pure;
     * meant for the command line.
     *
     * @param text such as {@code 10.231.0.0/16/24} or {@code fd6d:6e70::/48/64}
     * @return the template
     * @throws IllegalArgumentException with a message that quotes the text, says what is wrong and gives examples
     */
    public static PoolTemplate parse(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || text.indexOf('/') == slash) {
            throw invalid(text, "expected RANGE/SIZE, a subnet and the prefix length of each pool");
        }
        String size = text.substring(slash + 1);
        if (size.isEmpty() || size.length() > 3 || !size.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(text, "the pool size after the last / must be a prefix length");
        }
        try {
            return new PoolTemplate(Cidr.parse(text.substring(0, slash)), Integer.parseInt(size));
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
    }

    /** Returns the IP version of the pools. */
    public IpVersion version() {
        return base.version();
    }

    /** Returns the template in the form {@link #parse} reads, such as {@code 10.231.0.0/16/24}. */
    @Override
    public String toString() {
        return base + "/" + size;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid default pool \"" + text + "\": " + why + " (" + EXAMPLES + ")");
    }
}
