package dev.mdnp.daemon.ipam;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the text form of IP addresses. Pure; only ASCII digits and hex digits are accepted, so that
 * Unicode digits, zones, brackets and host names are all refused.
 */
final class IpText {

    private static final int V6_GROUPS = 8;
    private static final int GROUP_BITS = 16;
    private static final int GROUP_MASK = 0xffff;

    private IpText() {
    }

    /** Parses a bare IPv4 or IPv6 address; see {@link IpAddress#parse}. */
    static IpAddress parse(String text) {
        if (text.indexOf(':') >= 0) {
            return new IpAddress(IpVersion.V6, v6Value(text));
        }
        return new IpAddress(IpVersion.V4, BigInteger.valueOf(v4Value(text, text)));
    }

    /** Writes dotted decimal for IPv4, RFC 5952 for IPv6 (lower case, longest zero run of two or more as ::). */
    static String format(IpAddress address) {
        return address.version() == IpVersion.V4 ? formatV4(address.value().longValue()) : formatV6(address.value());
    }

    private static long v4Value(String part, String whole) {
        String[] octets = part.split("\\.", -1);
        if (octets.length != 4) {
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

    private static BigInteger v6Value(String text) {
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
        BigInteger value = BigInteger.ZERO;
        for (int group : all) {
            value = value.shiftLeft(GROUP_BITS).or(BigInteger.valueOf(group));
        }
        return value;
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
