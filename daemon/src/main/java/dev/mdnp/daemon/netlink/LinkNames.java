package dev.mdnp.daemon.netlink;

import dev.mdnp.daemon.netlink.wire.Ifla;
import java.nio.charset.StandardCharsets;

/** Checks link names before they reach the kernel, by the rules of the kernel's {@code dev_valid_name}. */
final class LinkNames {

    /** The longest name in bytes: {@code IFNAMSIZ} minus the NUL. */
    static final int MAX_BYTES = Ifla.IFNAMSIZ - 1;

    private LinkNames() {
    }

    /**
     * Returns {@code name} when the kernel would accept it: 1 to 15 bytes of UTF-8, not {@code .} or {@code ..}, no
     * {@code /}, {@code :} or white space.
     *
     * @throws IllegalArgumentException naming the rule the name breaks
     */
    static String require(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0) {
            throw new IllegalArgumentException("link name is empty");
        }
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("link name \"" + name + "\" is " + bytes
                    + " bytes long; Linux allows at most " + MAX_BYTES);
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("link name \"" + name + "\" is reserved");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c) || c == 0) {
                throw new IllegalArgumentException("link name \"" + name + "\" contains '/', ':', NUL or white space");
            }
        }
        return name;
    }
}
