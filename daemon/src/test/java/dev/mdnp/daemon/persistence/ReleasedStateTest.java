package dev.mdnp.daemon.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.DefaultPools;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State files an earlier mdnp wrote still load. {@value #FIXTURE} is the {@code state.db} the current release writes
 * for {@link #dockerRunsAContainerWithPublishedPorts}; rewrite it with {@code mvn -o test -pl daemon -am
 * -Dtest=ReleasedStateTest -Dstate.fixture.update=true} when a release changes the schema (and keep the old file as
 * the fixture of its schema version).
 */
class ReleasedStateTest {

    private static final Path FIXTURE = Path.of("src/test/resources/state/schema-2/state.db");
    private static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String EP1 = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    private static final String EP2 = "f1c1b9f3058c15e86d35e55161b0061e054522ff22d62e81e0eee5984456dbfe";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    /** The tables of V001, which every later schema still has. */
    private static final List<String> V001_TABLES = List.of("networks", "endpoints", "pools", "allocations");

    @TempDir
    Path temp;

    private final ObjectMapper mapper = JsonMappers.create();
    private final DockerRequests docker = new DockerRequests(mapper);

    @Test
    void aStateFileOfTheCurrentReleaseLoadsWhole() throws IOException {
        Path written = temp.resolve("written");
        dockerRunsAContainerWithPublishedPorts(written);
        if (Boolean.getBoolean("state.fixture.update")) {
            Files.createDirectories(FIXTURE.getParent());
            Files.copy(written.resolve("state.db"), FIXTURE, StandardCopyOption.REPLACE_EXISTING);
        }

        try (DurableState released = open(copyOfFixture()); DurableState current = open(written)) {
            RestoredState restored = released.restored();
            assertThat(restored.driverState().networks()).hasSize(1)
                    .isEqualTo(current.restored().driverState().networks());
            assertThat(restored.driverState().endpoints()).hasSize(2)
                    .isEqualTo(current.restored().driverState().endpoints());
            assertThat(restored.driverState().endpoint(EP1).orElseThrow().published()).hasSize(3);
            assertThat(restored.ipam()).isEqualTo(current.restored().ipam());
            assertThat(restored.ipam().pools()).hasSize(2);
            assertThat(restored.ipam().addresses()).hasSize(6);
            assertThat(restored.networksCreatedAt()).containsEntry(NET, CLOCK.instant());
        }
    }

    /** Docker's requests are kept as JSON; fields a newer engine adds are read past, not refused. */
    @Test
    void storedRequestsWithFieldsOfANewerEngineStillLoad() throws IOException, SQLException {
        Path dir = copyOfFixture();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE networks SET request_json = json_insert(request_json,"
                    + " '$.ConfigFrom', json('{\"Network\":\"\"}'), '$.Scope', 'local')");
            statement.executeUpdate("UPDATE endpoints SET request_json = json_insert(request_json,"
                    + " '$.Interface.NetnsPath', '/run/netns/x', '$.Options.\"com.docker.network.future\"', 'on')");
        }

        try (DurableState tolerant = open(dir); DurableState released = open(copyOfFixture("again"))) {
            assertThat(tolerant.restored().driverState().networks())
                    .isEqualTo(released.restored().driverState().networks());
            assertThat(tolerant.restored().driverState().endpoint(EP2).orElseThrow().request().options())
                    .containsEntry("com.docker.network.future", "on");
        }
    }

    /** A state file of the first schema (V001 only) migrates to the current one and keeps every row. */
    @Test
    void aStateFileOfTheFirstSchemaMigratesWithItsRowsIntact() throws IOException, SQLException {
        Path dir = Files.createDirectories(temp.resolve("schema-1"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(firstMigration());
            statement.execute("ATTACH DATABASE '" + copyOfFixture().resolve("state.db") + "' AS released");
            for (String table : V001_TABLES) {
                // The pools keep their insertion order, which PoolsTable.list() reads by rowid.
                String order = table.equals("pools") ? " ORDER BY rowid" : "";
                statement.executeUpdate("INSERT INTO " + table + " SELECT * FROM released." + table + order);
            }
            statement.execute("DETACH DATABASE released");
        }

        try (DurableState migrated = open(dir); DurableState released = open(copyOfFixture("again"))) {
            assertThat(migrated.restored().driverState().networks())
                    .isEqualTo(released.restored().driverState().networks());
            assertThat(migrated.restored().driverState().endpoints()).isEqualTo(
                    released.restored().driverState().endpoints().stream().map(this::unpublished).toList());
            assertThat(migrated.restored().ipam()).isEqualTo(released.restored().ipam());
            assertThat(migrated.restored().networksCreatedAt()).isEqualTo(released.restored().networksCreatedAt());
        }
    }

    /**
     * What {@code docker network create -d mdnp --ipam-driver mdnp --ipv6 --subnet 10.88.0.0/16 --subnet fd88::/64
     * ...} and {@code docker run -p 8080:80 -p 127.0.0.1:5353:53/udp -p 443} leave in the state, with a second
     * container created but not started.
     */
    private void dockerRunsAContainerWithPublishedPorts(Path dir) {
        try (DurableState durable = open(dir)) {
            IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), durable.ipamJournal(), durable.restored().ipam());
            NetworkDriver driver = new NetworkDriver(durable.restored().driverState(), new RecordingDataplane(),
                    durable.driverJournal());
            String v4 = ipam.requestPool(docker.requestPool("10.88.0.0/16", "", false)).poolId();
            String v6 = ipam.requestPool(docker.requestPool("fd88::/64", "", true)).poolId();
            ipam.requestAddress(docker.requestGateway(v4));
            ipam.requestAddress(docker.requestGateway(v6));
            driver.createNetwork(docker.createNetwork(NET, "10.88.0.0/16", "10.88.0.1/16", "fd88::/64", "fd88::1/64"));
            for (String endpoint : List.of(EP1, EP2)) {
                String address = ipam.requestAddress(docker.requestAddress(v4, "")).address();
                String addressV6 = ipam.requestAddress(docker.requestAddress(v6, "")).address();
                driver.createEndpoint(docker.createEndpoint(NET, endpoint, address, addressV6, ""));
            }
            driver.join(docker.join(NET, EP1, "/var/run/docker/netns/6683905621ff"));
            driver.programExternalConnectivity(docker.programExternalConnectivity(NET, EP1));
        }
    }

    private Endpoint unpublished(Endpoint endpoint) {
        return endpoint.withPublished(List.of());
    }

    private Path copyOfFixture() throws IOException {
        return copyOfFixture("fixture");
    }

    private Path copyOfFixture(String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.copy(FIXTURE, dir.resolve("state.db"));
        return dir;
    }

    private DurableState open(Path dir) {
        return DurableState.open(dir, mapper, CLOCK, CommitListener.NONE);
    }

    private static String firstMigration() throws IOException {
        try (InputStream in = ReleasedStateTest.class.getResourceAsStream("/dev/mdnp/daemon/store/V001__init.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
