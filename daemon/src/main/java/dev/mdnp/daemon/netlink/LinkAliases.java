package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.Ifla;
import java.nio.charset.StandardCharsets;

/** Checks link aliases ({@code IFLA_IFALIAS}) before they reach the kernel. */
final class LinkAliases {

    /** The longest alias in bytes: {@code IFALIASZ} minus the NUL the kernel appends. */
    static final int MAX_BYTES = Ifla.IFALIASZ - 1;

    private LinkAliases() {
    }

    /**
     * Returns {@code alias} when the kernel would store it whole: at most 255 bytes of UTF-8 and no NUL (the kernel
     * keeps the bytes after a NUL but answers with the text before it). The empty alias is valid: it clears.
     *
     * @throws IllegalArgumentException naming the rule the alias breaks
     */
    static String require(String alias) {
        requireNonNull(alias, "alias");
        int bytes = alias.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("link alias \"" + abbreviated(alias) + "\" is " + bytes
                    + " bytes long; Linux allows at most " + MAX_BYTES);
        }
        if (alias.indexOf(0) >= 0) {
            throw new IllegalArgumentException("link alias \"" + abbreviated(alias) + "\" contains NUL");
        }
        return alias;
    }

    private static String abbreviated(String alias) {
        return alias.length() <= 40 ? alias : alias.substring(0, 40) + "...";
    }
}
