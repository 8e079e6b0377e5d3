package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The {@code pending_link_deletions} table: links the dataplane has doomed but perhaps not yet deleted, keyed by
 * link name. Reached through {@link Transaction#pendingLinkDeletions()}; every method throws
 * {@link StoreException}.
 */
public final class PendingLinkDeletionsTable {

    private final Transaction tx;

    PendingLinkDeletionsTable(Transaction tx) {
        this.tx = requireNonNull(tx, "tx");
    }

    /**
     * Queues a link for deletion; queuing a link that is already queued is no error and keeps the first
     * {@code queuedAt}. Returns false in that case.
     */
    public boolean add(PendingLinkDeletionRow row) {
        String sql = """
                INSERT INTO pending_link_deletions (link_name, queued_at) VALUES (?, ?)
                ON CONFLICT (link_name) DO NOTHING
                """;
        return tx.update("queue deletion of link " + row.linkName(), sql, row.linkName(),
                row.queuedAt().toEpochMilli()) > 0;
    }

    /** Returns every queued link, oldest first. */
    public List<PendingLinkDeletionRow> list() {
        String sql = """
                SELECT link_name, queued_at FROM pending_link_deletions ORDER BY queued_at, link_name
                """;
        return tx.query("list pending link deletions", sql, PendingLinkDeletionsTable::read);
    }

    /** Forgets a link, once it is deleted; returns false when it was not queued, which is no error. */
    public boolean delete(String linkName) {
        String sql = """
                DELETE FROM pending_link_deletions WHERE link_name = ?
                """;
        return tx.update("forget deletion of link " + linkName, sql, linkName) > 0;
    }

    private static PendingLinkDeletionRow read(ResultSet row) throws SQLException {
        return new PendingLinkDeletionRow(row.getString("link_name"), Instant.ofEpochMilli(row.getLong("queued_at")));
    }
}
