package dev.mdnp.daemon.ipam;

/** The IP version of an address, a subnet or a pool; Docker's {@code V6} flag of {@code RequestPool} picks one. */
public enum IpVersion {
    /** IPv4: 32-bit addresses; a pool loses its network and its broadcast address. */
    V4(32, 30, "IPv4"),
    /** IPv6: 128-bit addresses; a pool loses its network address (the subnet-router anycast address). */
    V6(128, 126, "IPv6");

    private final int bits;
    private final int maxPoolPrefix;
    private final String label;

    IpVersion(int bits, int maxPoolPrefix, String label) {
        this.bits = bits;
        this.maxPoolPrefix = maxPoolPrefix;
        this.label = label;
    }

    /** Returns the length of an address in bits: 32 or 128. */
    public int bits() {
        return bits;
    }

    /**
     * Returns the longest prefix a pool may have: the one that still leaves two assignable addresses, a gateway and
     * one container (/30 for IPv4, /126 for IPv6).
     */
    public int maxPoolPrefix() {
        return maxPoolPrefix;
    }

    /** Returns the version as users write it: {@code IPv4} or {@code IPv6}. */
    public String label() {
        return label;
    }
}
