package dev.mdnp.daemon.driver;

import java.nio.charset.StandardCharsets;

/** Rules for Linux interface names, which the kernel limits to 15 bytes without '/', ':' or whitespace. */
final class IfNames {

    private IfNames() {
    }

    /** The prefix of every interface mdnp creates, so that its own links can be told from others. */
    static final String PREFIX = "mdnp";

    /** Hex digits of Docker's endpoint id kept in a veth name: prefix, one role letter and these fill 15 bytes. */
    private static final int ID_DIGITS = NetworkOptions.MAX_IFNAME_BYTES - PREFIX.length() - 1;

    /** Returns the name of the veth end that Docker moves into the container (cnm-remote-api.md §2.6). */
    static String containerSide(String endpointId) {
        return PREFIX + "c" + idDigits(endpointId);
    }

    /** Returns true when the kernel accepts {@code name} as an interface name. */
    static boolean isValid(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > NetworkOptions.MAX_IFNAME_BYTES || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c));
    }

    private static String idDigits(String id) {
        return id.length() <= ID_DIGITS ? id : id.substring(0, ID_DIGITS);
    }
}
