package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A row of {@code pending_link_deletions}: a link the dataplane has doomed and deletes in the background; what is
 * left here after a crash, the next start deletes.
 *
 * @param linkName the name of the link
 * @param queuedAt when the deletion was queued; kept to the millisecond, so the constructor truncates it
 */
public record PendingLinkDeletionRow(String linkName, Instant queuedAt) {

    /** Validates the components and truncates {@code queuedAt} to milliseconds. */
    public PendingLinkDeletionRow {
        Keys.nonEmpty(linkName, "linkName");
        queuedAt = requireNonNull(queuedAt, "queuedAt").truncatedTo(ChronoUnit.MILLIS);
    }
}
