package dev.mdnp.daemon.ipam;

import dev.mdnp.daemon.ip.IpLiteral;
import java.math.BigInteger;

/**
 * Reads and writes the text form of IP addresses as {@link IpAddress} values. Pure; the reading is
 * {@link IpLiteral}'s, which the dataplane shares.
 */
final class IpText {

    private static final int V6_GROUPS = 8;
    private static final int GROUP_BITS = 16;
    private static final int GROUP_MASK = 0xffff;

    private IpText() {
    }

    /** Parses a bare IPv4 or IPv6 address; see {@link IpAddress#parse} and {@link IpLiteral}. */
    static IpAddress parse(String text) {
        byte[] bytes = IpLiteral.bytes(text);
        return new IpAddress(bytes.length == 4 ? IpVersion.V4 : IpVersion.V6, new BigInteger(1, bytes));
    }

    /** Writes dotted decimal for IPv4, RFC 5952 for IPv6 (lower case, longest zero run of two or more as ::). */
    static String format(IpAddress address) {
        return address.version() == IpVersion.V4 ? formatV4(address.value().longValue()) : formatV6(address.value());
    }

    private static String formatV4(long value) {
        return (value >>> 24 & 0xff) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
    }

    private static String formatV6(BigInteger value) {
        int[] groups = new int[V6_GROUPS];
        for (int i = 0; i < V6_GROUPS; i++) {
            groups[i] = value.shiftRight(GROUP_BITS * (V6_GROUPS - 1 - i)).intValue() & GROUP_MASK;
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not shortened
        for (int start = 0; start < V6_GROUPS; start++) {
            int length = 0;
            while (start + length < V6_GROUPS && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < V6_GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
