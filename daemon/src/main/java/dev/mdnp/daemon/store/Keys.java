package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

/** Checks and shortens the key values of rows: Docker's ids, pool ids, link names. */
final class Keys {

    /** Docker ids are 64 hex digits; messages show the first 12, as {@code docker network ls} does. */
    private static final int SHORT_ID = 12;

    private Keys() {
    }

    /** Returns {@code value}, rejecting null and the empty string, which no key may be. */
    static String nonEmpty(String value, String name) {
        requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return value;
    }

    /** Returns the id cut to 12 characters, for messages. */
    static String shortId(String id) {
        return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
    }
}
