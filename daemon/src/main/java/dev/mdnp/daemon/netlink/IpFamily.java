package dev.mdnp.daemon.netlink;

import dev.mdnp.daemon.netlink.wire.Af;
import java.net.Inet4Address;
import java.net.InetAddress;

/** An IP address family, with its kernel code and address length. */
public enum IpFamily {
    /** IPv4, {@code AF_INET}. */
    IPV4(Af.INET, 4),
    /** IPv6, {@code AF_INET6}. */
    IPV6(Af.INET6, 16);

    private final int code;
    private final int bytes;

    IpFamily(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** Returns the family of an address. */
    public static IpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }

    /** Returns the kernel's {@code AF_*} code. */
    public int code() {
        return code;
    }

    /** Returns the length of an address in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Returns the longest prefix length, 32 or 128. */
    public int maxPrefixLength() {
        return bytes * 8;
    }
}
