package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.allocation;
import static dev.mdnp.daemon.store.SampleRows.endpoint;
import static dev.mdnp.daemon.store.SampleRows.network;
import static dev.mdnp.daemon.store.SampleRows.pool;
import static dev.mdnp.daemon.store.SampleRows.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path temp;

    @Test
    void scriptsAreNumberedFromOneWithoutGaps() {
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            assertThat(Migrations.SCRIPTS.get(i)).matches(String.format("V%03d__[a-z0-9_]+\\.sql", i + 1));
        }
        assertThat(Migrations.latest()).isEqualTo(Migrations.SCRIPTS.size());
    }

    @Test
    void eachScriptEndsBySettingItsOwnVersion() throws IOException {
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            try (InputStream in = Migrations.class.getResourceAsStream(Migrations.SCRIPTS.get(i))) {
                assertThat(in).as(Migrations.SCRIPTS.get(i)).isNotNull();
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(script.strip()).endsWith("PRAGMA user_version = " + (i + 1) + ";");
            }
        }
    }

    @Test
    void theFirstScriptSetsTheApplicationId() throws IOException {
        assertThat(script(0)).contains("PRAGMA application_id = " + Migrations.APPLICATION_ID + ";");
    }

    /** A state file an mdnp before published ports wrote: V001 only, with a network, endpoints, a pool, an address. */
    @Test
    void aSchemaOneDatabaseMigratesToTwoWithItsRowsIntact() throws IOException, SQLException {
        Path dir = Files.createDirectory(temp.resolve("state"));
        Path file = dir.resolve("state.db");
        EndpointRow joined = endpoint("e1", "n1", "veth1").withSandbox("/var/run/docker/netns/abc");
        EndpointRow created = endpoint("e2", "n1", "veth2");
        try (Connection connection = DriverManager.getConnection(Store.url(file));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(script(0));
            statement.execute("INSERT INTO networks VALUES ('n1', 'br1', '{\"NetworkID\":\"n1\"}', "
                    + SampleRows.CREATED.toEpochMilli() + ")");
            for (EndpointRow row : List.of(joined, created)) {
                statement.execute("INSERT INTO endpoints VALUES ('" + row.id() + "', 'n1', '" + row.hostIfName()
                        + "', '" + row.containerIfName() + "', '02:42:ac:11:00:02', '10.7.0.2/24', '', "
                        + (row.joined() ? 1 : 0) + ", '" + row.sandboxKey() + "', '" + row.requestJson() + "')");
            }
            statement.execute("INSERT INTO pools VALUES ('p1', 'mdnp-local', '10.7.0.0/24', '', 0, '{}')");
            statement.execute("INSERT INTO allocations VALUES ('p1', '10.7.0.2')");
            assertThat(Migrations.pragmaInt(connection, "user_version")).isEqualTo(1);
        }

        try (Store store = Store.open(dir)) {
            var networks = store.inTransaction(tx -> tx.networks().list());
            var endpoints = store.inTransaction(tx -> tx.endpoints().list());
            var pools = store.inTransaction(tx -> tx.pools().list());
            var allocations = store.inTransaction(tx -> tx.allocations().list());
            var ports = store.inTransaction(tx -> tx.publishedPorts().list());
            store.runInTransaction(tx -> tx.publishedPorts().replace("e1", List.of(port("e1", 0, 8080))));
            var published = store.inTransaction(tx -> tx.publishedPorts().listByEndpoint("e1"));

            assertThat(StoreOpenTest.pragma(store, "user_version")).isEqualTo("2");
            assertThat(networks).containsExactly(network("n1", "br1"));
            assertThat(endpoints).containsExactly(joined, created);
            assertThat(pools).containsExactly(pool("p1"));
            assertThat(allocations).containsExactly(allocation("p1", "10.7.0.2"));
            assertThat(ports).isEmpty();
            assertThat(published).containsExactly(port("e1", 0, 8080));
        }
    }

    private static String script(int index) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream(Migrations.SCRIPTS.get(index))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
