package dev.mdnp.inspector.model;

/** Docker's ids cut to the 12 characters {@code docker network ls} shows. */
public final class ShortIds {

    private static final int LENGTH = 12;

    private ShortIds() {
    }

    /** Returns the first 12 characters of {@code id}, or all of a shorter one. */
    public static String of(String id) {
        return id.length() <= LENGTH ? id : id.substring(0, LENGTH);
    }
}
