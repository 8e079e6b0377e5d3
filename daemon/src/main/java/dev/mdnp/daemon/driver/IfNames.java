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
    /**
     * Prefix, one role letter and these fill 15 bytes: 10 hex digits are 40 bits of the id. The role letters (b, h,
     * c) keep a bridge and a veth end from ever getting the same name, whatever the ids.
     */
    private static final int ID_DIGITS = NetworkOptions.MAX_IFNAME_BYTES - PREFIX.length() - 1;
    private static final String BRIDGE = PREFIX + "b";
    private static final String HOST_SIDE = PREFIX + "h";
    private static final String CONTAINER_SIDE = PREFIX + "c";

    private IfNames() {
    }

    /** Returns the default bridge name of a network, {@code mdnpb} and the id's first 10 characters. */
    static String bridge(String networkId) {
        return BRIDGE + head(networkId, ID_DIGITS);
    }

    /** Returns the name of the veth end that stays on the host as a port of the bridge. */
    static String hostSide(String endpointId) {
        return HOST_SIDE + head(endpointId, ID_DIGITS);
    }

    /** Returns the name of the veth end that Docker moves into the container (cnm-remote-api.md §2.6). */
    static String containerSide(String endpointId) {
        return CONTAINER_SIDE + head(endpointId, ID_DIGITS);
    }

    /** Returns true when both the kernel and iptables accept {@code name} as an interface name. */
    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** Returns true when {@code name} could clash with the veth names mdnp derives from endpoint ids. */
    static boolean isReservedForVeths(String name) {
        return name.startsWith(HOST_SIDE) || name.startsWith(CONTAINER_SIDE);
    }

    private static String head(String id, int digits) {
        return id.length() <= digits ? id : id.substring(0, digits);
    }
}
