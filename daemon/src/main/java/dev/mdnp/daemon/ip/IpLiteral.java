package dev.mdnp.daemon.ip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads bare numeric IP addresses: four decimal octets for IPv4 (no leading zeros, no short forms such as
 * {@code 10.1}), hexadecimal groups with at most one {@code ::} and an optional dotted IPv4 tail for IPv6. Only ASCII
 * digits and hex digits are accepted, so Unicode digits, zones, brackets, prefixes and host names are all refused,
 * and nothing is ever looked up. Pure.
 */
public final class IpLiteral {

    private static final int V4_BYTES = 4;
    private static final int V6_GROUPS = 8;
    private static final int GROUP_BITS = 16;
    private static final int GROUP_MASK = 0xffff;

    private IpLiteral() {
    }

    /**
     * Returns the address's bytes in network order: 4 for IPv4, 16 for IPv6 (an address with a colon).
     *
     * @throws IllegalArgumentException naming the text when it is not such an address
     */
    public static byte[] bytes(String text) {
        return text.indexOf(':') >= 0 ? v6Bytes(text) : v4Bytes(text);
    }

    /**
     * Returns the address as the JDK holds it. As {@link InetAddress#getByAddress(byte[])} does, an IPv4-mapped IPv6
     * address ({@code ::ffff:10.0.0.1}) comes back as the IPv4 address.
     *
     * @throws IllegalArgumentException naming the text when it is not such an address
     */
    public static InetAddress address(String text) {
        try {
            return InetAddress.getByAddress(bytes(text));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes make an address", e);
        }
    }

    private static byte[] v4Bytes(String text) {
        long value = v4Value(text, text);
        byte[] bytes = new byte[V4_BYTES];
        for (int i = 0; i < V4_BYTES; i++) {
            bytes[i] = (byte) (value >>> 8 * (V4_BYTES - 1 - i));
        }
        return bytes;
    }

    private static long v4Value(String part, String whole) {
        String[] octets = part.split("\\.", -1);
        if (octets.length != V4_BYTES) {
            throw notAnAddress(whole);
        }
        long value = 0;
        for (String octet : octets) {
            boolean leadingZero = octet.length() > 1 && octet.charAt(0) == '0';
            if (octet.isEmpty() || octet.length() > 3 || !isDecimal(octet) || leadingZero) {
                throw notAnAddress(whole);
            }
            int number = Integer.parseInt(octet);
            if (number > 255) {
                throw notAnAddress(whole);
            }
            value = value << 8 | number;
        }
        return value;
    }

    private static byte[] v6Bytes(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw notAnAddress(text);
        }
        List<Integer> head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0, text);
        List<Integer> tail = gap >= 0 ? groups(text.substring(gap + 2), true, text) : List.of();
        int given = head.size() + tail.size();
        if (gap < 0 ? given != V6_GROUPS : given >= V6_GROUPS) {
            throw notAnAddress(text);
        }
        List<Integer> all = new ArrayList<>(head);
        for (int i = given; i < V6_GROUPS; i++) {
            all.add(0);
        }
        all.addAll(tail);
        byte[] bytes = new byte[2 * V6_GROUPS];
        for (int i = 0; i < V6_GROUPS; i++) {
            bytes[2 * i] = (byte) (all.get(i) >>> 8);
            bytes[2 * i + 1] = (byte) (int) all.get(i);
        }
        return bytes;
    }

    /** The 16-bit groups of one side of {@code ::}; the last side may end in a dotted IPv4 address. */
    private static List<Integer> groups(String part, boolean last, String whole) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] texts = part.split(":", -1);
        for (int i = 0; i < texts.length; i++) {
            String group = texts[i];
            if (last && i == texts.length - 1 && group.indexOf('.') >= 0) {
                long v4 = v4Value(group, whole);
                groups.add((int) (v4 >>> GROUP_BITS));
                groups.add((int) (v4 & GROUP_MASK));
            } else if (group.isEmpty() || group.length() > 4 || !isHex(group)) {
                throw notAnAddress(whole);
            } else {
                groups.add(Integer.parseInt(group, 16));
            }
        }
        return groups;
    }

    private static boolean isDecimal(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isHex(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

    private static IllegalArgumentException notAnAddress(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a numeric IP address");
    }
}
