package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A user-defined chain: added with {@code -N}, deleted with {@code -X} (which fails while it holds rules or is jumped
 * to), checked with {@code -n -L}, which exits 1 for a missing chain with both the nft and the legacy backend.
 *
 * @param table the table, such as {@code filter}
 * @param name the chain's name
 */
record Chain(String table, String name) implements IptablesEntry {

    Chain {
        requireNonNull(table, "table");
        requireNonNull(name, "name");
    }

    @Override
    public List<String> check() {
        return List.of("-t", table, "-n", "-L", name);
    }

    @Override
    public List<String> add() {
        return List.of("-t", table, "-N", name);
    }

    @Override
    public List<String> delete() {
        return List.of("-t", table, "-X", name);
    }

    @Override
    public String describe() {
        return "chain " + name;
    }
}
