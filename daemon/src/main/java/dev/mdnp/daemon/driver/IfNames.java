package dev.mdnp.daemon.driver;

import java.util.regex.Pattern;

/**
 * Names of the links mdnp creates, derived from Docker's ids so that they are unique, recognisable by their prefix and
 * found again after a restart; and the rule every interface name given by a user must follow.
 */
final class IfNames {

    /** The prefix of every link mdnp creates, so that its own links can be told from others. */
    static final String PREFIX = "mdnp";

    /** Linux allows 15 bytes; iptables reads a trailing '+' as a wildcard and a leading '-' as an option. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");
    private static final int BRIDGE_ID_DIGITS = NetworkOptions.MAX_IFNAME_BYTES - PREFIX.length();
    /** Prefix, one role letter and these fill 15 bytes: 10 hex digits are 40 bits of the endpoint id. */
    private static final int VETH_ID_DIGITS = NetworkOptions.MAX_IFNAME_BYTES - PREFIX.length() - 1;

    private IfNames() {
    }

    /** Returns the default bridge name of a network, {@code mdnp} and the id's first 11 characters. */
    static String bridge(String networkId) {
        return PREFIX + head(networkId, BRIDGE_ID_DIGITS);
    }

    /** Returns the name of the veth end that stays on the host as a port of the bridge. */
    static String hostSide(String endpointId) {
        return PREFIX + "h" + head(endpointId, VETH_ID_DIGITS);
    }

    /** Returns the name of the veth end that Docker moves into the container (cnm-remote-api.md §2.6). */
    static String containerSide(String endpointId) {
        return PREFIX + "c" + head(endpointId, VETH_ID_DIGITS);
    }

    /** Returns true when both the kernel and iptables accept {@code name} as an interface name. */
    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    private static String head(String id, int digits) {
        return id.length() <= digits ? id : id.substring(0, digits);
    }
}
