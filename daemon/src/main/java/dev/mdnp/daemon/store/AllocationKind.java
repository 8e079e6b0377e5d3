package dev.mdnp.daemon.store;

import java.util.Locale;

/** Why an address of a pool is taken; stored as the lower-case name ({@code gateway}, {@code aux}, …). */
public enum AllocationKind {
    /** The network's gateway, on the bridge. */
    GATEWAY,
    /** An auxiliary address Docker reserved ({@code --aux-address}). */
    AUX,
    /** The address of an endpoint. */
    ENDPOINT;

    /** Returns the text stored in the {@code kind} column. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the kind stored as {@code text}; throws {@link StoreException} for text no version of mdnp wrote. */
    static AllocationKind fromColumn(String text) {
        for (AllocationKind kind : values()) {
            if (kind.column().equals(text)) {
                return kind;
            }
        }
        throw new StoreException(StoreException.Reason.FAILURE,
                "unknown allocation kind '" + text + "' in table allocations", null);
    }
}
