package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

/**
 * A link notification from the kernel, as {@code ip monitor link} prints it.
 *
 * @param kind what happened
 * @param link the link after the change, or as it was when deleted
 */
public record LinkEvent(Kind kind, Link link) {

    /** What a link event reports. */
    public enum Kind {
        /**
         * {@code RTM_NEWLINK}: a link was created <em>or changed</em> (flags, master, MTU, name, carrier...): the
         * kernel sends the same message for both.
         */
        NEW,
        /** {@code RTM_DELLINK}: a link was deleted. */
        DELETED
    }

    /** Rejects null. */
    public LinkEvent {
        requireNonNull(kind, "kind");
        requireNonNull(link, "link");
    }
}
