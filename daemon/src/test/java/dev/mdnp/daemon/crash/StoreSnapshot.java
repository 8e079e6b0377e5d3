package dev.mdnp.daemon.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a stopped daemon's {@code state.db} holds, read with plain JDBC.
 *
 * <p>The database and its WAL are copied to a scratch directory first and the copy is opened: after a SIGKILL the
 * committed transactions may still sit in the WAL, and opening the daemon's own file, even read-only, could make
 * SQLite recover or checkpoint it. The daemon's files are never opened, so the next start sees exactly what the
 * crash left. Columns are read by name, so the test follows schema changes that keep them.
 *
 * @param networks the rows of {@code networks}
 * @param endpoints the rows of {@code endpoints}
 * @param pools the rows of {@code pools}
 * @param allocations the rows of {@code allocations}
 * @param rowCounts the number of rows of every table, by table name
 */
public record StoreSnapshot(List<StoredNetwork> networks, List<StoredEndpoint> endpoints, List<StoredPool> pools,
        List<StoredAllocation> allocations, Map<String, Long> rowCounts) {

    /** The database file's name in the state directory. */
    public static final String DATABASE = "state.db";

    /** Copies the collections. */
    public StoreSnapshot {
        networks = List.copyOf(networks);
        endpoints = List.copyOf(endpoints);
        pools = List.copyOf(pools);
        allocations = List.copyOf(allocations);
        rowCounts = Map.copyOf(rowCounts);
    }

    /**
     * A network row, with the IPv4 pool and gateway of the stored CreateNetwork request.
     *
     * @param id Docker's network id
     * @param bridge the bridge's name
     * @param poolCidr {@code IPv4Data[0].Pool} of the request, "" when absent
     * @param gateway {@code IPv4Data[0].Gateway} of the request (CIDR), "" when absent
     */
    public record StoredNetwork(String id, String bridge, String poolCidr, String gateway) {
    }

    /**
     * An endpoint row.
     *
     * @param id Docker's endpoint id
     * @param networkId its network's id
     * @param hostIfName the veth end that stays on the host
     * @param containerIfName the veth end Docker moves into the container
     * @param ipv4Address its IPv4 address as Docker gave it (CIDR)
     * @param joined whether a container has joined it
     */
    public record StoredEndpoint(String id, String networkId, String hostIfName, String containerIfName,
            String ipv4Address, boolean joined) {
    }

    /**
     * A pool row.
     *
     * @param id the pool id the IPAM returned
     * @param cidr the pool's subnet
     */
    public record StoredPool(String id, String cidr) {
    }

    /**
     * An allocation row.
     *
     * @param poolId the pool's id
     * @param address the bare address
     */
    public record StoredAllocation(String poolId, String address) {
    }

    /**
     * Reads the database of the daemon whose {@code --state-dir} is {@code stateDir}; the daemon must be stopped.
     *
     * @throws IllegalStateException when there is no database
     */
    public static StoreSnapshot read(Path stateDir, ObjectMapper json) throws IOException, SQLException {
        Path database = stateDir.resolve(DATABASE);
        if (!Files.isRegularFile(database)) {
            throw new IllegalStateException("no " + database + ": the daemon keeps no durable state");
        }
        Path scratch = Files.createTempDirectory("mdnp-crash-db-");
        try {
            for (String suffix : List.of("", "-wal")) {
                Path file = stateDir.resolve(DATABASE + suffix);
                if (Files.exists(file)) {
                    Files.copy(file, scratch.resolve(DATABASE + suffix));
                }
            }
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + scratch.resolve(DATABASE));
                    Statement statement = connection.createStatement()) {
                return new StoreSnapshot(networks(statement, json), endpoints(statement), pools(statement),
                        allocations(statement), rowCounts(statement));
            }
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Returns the network with this id, if stored. */
    public Optional<StoredNetwork> network(String id) {
        return networks.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Returns the pool with this id, if stored. */
    public Optional<StoredPool> pool(String id) {
        return pools.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Returns the pool with this subnet, if stored. */
    public Optional<StoredPool> poolOf(String cidr) {
        return pools.stream().filter(p -> p.cidr().equals(cidr)).findFirst();
    }

    /** Returns the number of rows over every table. */
    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<StoredNetwork> networks(Statement statement, ObjectMapper json) throws SQLException,
            IOException {
        List<StoredNetwork> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT id, bridge, request_json FROM networks ORDER BY id")) {
            while (rs.next()) {
                JsonNode ipv4 = json.readTree(rs.getString("request_json")).path("IPv4Data").path(0);
                rows.add(new StoredNetwork(rs.getString("id"), rs.getString("bridge"), ipv4.path("Pool").asText(),
                        ipv4.path("Gateway").asText()));
            }
        }
        return rows;
    }

    private static List<StoredEndpoint> endpoints(Statement statement) throws SQLException {
        List<StoredEndpoint> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("""
                SELECT id, network_id, host_if_name, container_if_name, ipv4_address, joined
                FROM endpoints ORDER BY id""")) {
            while (rs.next()) {
                rows.add(new StoredEndpoint(rs.getString("id"), rs.getString("network_id"),
                        rs.getString("host_if_name"), rs.getString("container_if_name"),
                        rs.getString("ipv4_address"), rs.getInt("joined") != 0));
            }
        }
        return rows;
    }

    private static List<StoredPool> pools(Statement statement) throws SQLException {
        List<StoredPool> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT id, pool_cidr FROM pools ORDER BY id")) {
            while (rs.next()) {
                rows.add(new StoredPool(rs.getString("id"), rs.getString("pool_cidr")));
            }
        }
        return rows;
    }

    private static List<StoredAllocation> allocations(Statement statement) throws SQLException {
        List<StoredAllocation> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT pool_id, address FROM allocations ORDER BY pool_id")) {
            while (rs.next()) {
                rows.add(new StoredAllocation(rs.getString("pool_id"), rs.getString("address")));
            }
        }
        return rows;
    }

    private static Map<String, Long> rowCounts(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }
}
