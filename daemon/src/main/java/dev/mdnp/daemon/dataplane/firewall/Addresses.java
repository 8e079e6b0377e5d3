package dev.mdnp.daemon.dataplane.firewall;

import dev.mdnp.daemon.ip.IpLiteral;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numeric addresses in rule arguments, so that a rule mdnp writes and the same rule as {@code iptables-save}
 * prints it compare equal however each spells an address ({@code fd00::2} or {@code fd00:0:0:0:0:0:0:2}, a subnet
 * with host bits set or masked). Pure; never resolves a name ({@link IpLiteral} reads the addresses).
 */
final class Addresses {

    /** An address, an address with a prefix, or an address with a port ({@code 10.0.0.2:80}, {@code [fd00::2]:80}). */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<v4>[0-9]{1,3}(?:\\.[0-9]{1,3}){3})(?:/(?<v4len>[0-9]{1,2})|:(?<v4port>[0-9]{1,5}))?"
                    + "|\\[(?<bracketed>[0-9a-fA-F:.]+)]:(?<v6port>[0-9]{1,5})"
                    + "|(?<v6>[0-9a-fA-F]*:[0-9a-fA-F:.]*)(?:/(?<v6len>[0-9]{1,3}))?");

    private Addresses() {
    }

    /**
     * Returns {@code token} with any address in it written in one canonical form: masked to its prefix and in
     * Java's full notation; any other token unchanged.
     */
    static String canonical(String token) {
        Matcher m = ADDRESS.matcher(token);
        if (!m.matches()) {
            return token;
        }
        try {
            if (m.group("v4") != null) {
                return withSuffix(m.group("v4"), m.group("v4len"), 32, m.group("v4port"), false);
            }
            if (m.group("bracketed") != null) {
                return withSuffix(m.group("bracketed"), null, 128, m.group("v6port"), true);
            }
            return withSuffix(m.group("v6"), m.group("v6len"), 128, null, true);
        } catch (IllegalArgumentException notAnAddress) {
            return token;
        }
    }

    /**
     * Returns the network a CIDR names, as {@code address/prefix} with the host bits cleared.
     *
     * @throws IllegalArgumentException when {@code cidr} is not a numeric address with a prefix length
     */
    static String network(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not an address/prefix: \"" + cidr + "\"");
        }
        InetAddress address = IpLiteral.address(cidr.substring(0, slash));
        int max = address.getAddress().length * 8;
        int length = prefixLength(cidr.substring(slash + 1), max, cidr);
        return masked(address, length).getHostAddress() + "/" + length;
    }

    /**
     * Returns the numeric address {@code text} names, in Java's notation.
     *
     * @throws IllegalArgumentException when {@code text} is not a numeric IPv4 or IPv6 address
     */
    static String address(String text) {
        return IpLiteral.address(text).getHostAddress();
    }

    /** Returns the family of a numeric address or CIDR, if it is one. */
    static Optional<IpFamily> familyOf(String text) {
        try {
            int slash = text.indexOf('/');
            IpLiteral.address(slash < 0 ? text : text.substring(0, slash));
            return Optional.of(IpFamily.of(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String withSuffix(String host, String length, int max, String port, boolean bracketPort) {
        InetAddress address = IpLiteral.address(host);
        if (length != null) {
            int bits = prefixLength(length, max, host);
            return masked(address, bits).getHostAddress() + "/" + bits;
        }
        if (port != null) {
            String text = address.getHostAddress();
            return (bracketPort ? "[" + text + "]" : text) + ":" + Integer.parseInt(port);
        }
        return address.getHostAddress() + "/" + max; // iptables prints a lone address as a host prefix
    }

    private static int prefixLength(String text, int max, String whole) {
        int length;
        try {
            length = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in \"" + whole + "\"", e);
        }
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length out of range in \"" + whole + "\"");
        }
        return length;
    }

    private static InetAddress masked(InetAddress address, int length) {
        byte[] bytes = address.getAddress();
        for (int bit = length; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a masked address of valid length", e);
        }
    }
}
