package dev.mdnp.daemon.persistence;

import static dev.mdnp.daemon.persistence.DurableStateTest.CLOCK;
import static dev.mdnp.daemon.persistence.DurableStateTest.EP1;
import static dev.mdnp.daemon.persistence.DurableStateTest.EP2;
import static dev.mdnp.daemon.persistence.DurableStateTest.NET;
import static dev.mdnp.daemon.persistence.DurableStateTest.NET2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.DefaultPools;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A row that no version of mdnp could have written stops {@link DurableState#open} with a
 * {@link StoredStateException} that names the row, and the state file stays exactly as it was.
 */
class DamagedStateTest {

    private static final String POOL = "MdnpLocal/10.88.0.0/16";

    @TempDir
    Path temp;

    private final ObjectMapper mapper = JsonMappers.create();
    private final DockerRequests docker = new DockerRequests(mapper);
    private Path stateDir;

    /**
     * Records one network with two endpoints, the first joined with three published ports, and a pool with two
     * addresses, then closes the state.
     */
    @BeforeEach
    void recordAHealthyState() {
        stateDir = temp.resolve("state");
        try (DurableState durable = open()) {
            NetworkDriver driver = new NetworkDriver(durable.restored().driverState(), new RecordingDataplane(),
                    durable.driverJournal());
            IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), durable.ipamJournal(), durable.restored().ipam());
            String pool = ipam.requestPool(docker.requestPool("10.88.0.0/16", "", false)).poolId();
            ipam.requestAddress(docker.requestGateway(pool));
            ipam.requestAddress(docker.requestAddress(pool, "10.88.0.2"));
            driver.createNetwork(docker.createNetwork(NET, "10.88.0.0/16", "10.88.0.1/16", "fd88::/64", "fd88::1/64"));
            driver.createEndpoint(docker.createEndpoint(NET, EP1, "10.88.0.2/16", "", ""));
            driver.createEndpoint(docker.createEndpoint(NET, EP2, "10.88.0.3/16", "", ""));
            driver.join(docker.join(NET, EP1, DurableStateTest.SANDBOX));
            driver.programExternalConnectivity(docker.programExternalConnectivity(NET, EP1));
        }
    }

    static Stream<Arguments> damagedRows() {
        return Stream.of(
                Arguments.of("UPDATE networks SET request_json = 'not json'",
                        "stored network " + NET + " does not hold a valid CreateNetworkRequest"),
                Arguments.of("UPDATE networks SET request_json = 'null'",
                        "stored network " + NET + " does not hold a valid CreateNetworkRequest"),
                Arguments.of("UPDATE networks SET request_json = '{\"Options\":{}}'",
                        "stored network " + NET + " does not hold a valid CreateNetworkRequest"),
                Arguments.of("UPDATE networks SET request_json = replace(request_json, '" + NET + "', '" + NET2 + "')",
                        "stored network " + NET + " holds the request of network " + NET2),
                Arguments.of("UPDATE networks SET request_json = replace(request_json, '\"1400\"', '\"tiny\"')",
                        "stored network " + NET + " has options mdnp no longer accepts"),
                Arguments.of("UPDATE endpoints SET request_json = '[]' WHERE id = '" + EP2 + "'",
                        "stored endpoint " + EP2 + " does not hold a valid CreateEndpointRequest"),
                Arguments.of("UPDATE endpoints SET request_json = replace(request_json, '" + EP1 + "', '" + EP2
                                + "') WHERE id = '" + EP1 + "'",
                        "stored endpoint " + EP1 + " holds the request of endpoint " + EP2 + " on network " + NET),
                Arguments.of("UPDATE endpoints SET request_json = replace(request_json, '" + NET + "', '" + NET2
                                + "') WHERE id = '" + EP1 + "'",
                        "stored endpoint " + EP1 + " holds the request of endpoint " + EP1 + " on network " + NET2),
                Arguments.of("UPDATE published_ports SET container_ip = 'not-an-address' WHERE position = 1",
                        "stored published port 1 of endpoint " + EP1
                                + " has container address \"not-an-address\", not an IP address"),
                Arguments.of("UPDATE published_ports SET host_ip = '0.0.0.0/0' WHERE position = 2",
                        "stored published port 2 of endpoint " + EP1
                                + " has host address \"0.0.0.0/0\", not an IP address"),
                Arguments.of("UPDATE published_ports SET host_ip = 'fd88::1' WHERE position = 0",
                        "stored published port 0 of endpoint " + EP1
                                + " has host address fd88::1 and container address 10.88.0.2 of different families"),
                Arguments.of("UPDATE pools SET options_json = '[\"on\"]'",
                        "stored pool " + POOL + " does not hold a map of strings"),
                Arguments.of("UPDATE pools SET options_json = '{\"dev.example.ipam\":1}'",
                        "stored pool " + POOL + " does not hold a map of strings"),
                Arguments.of("UPDATE pools SET options_json = '{\"dev.example.ipam\":null}'",
                        "stored pool " + POOL + " does not hold a map of strings"),
                Arguments.of("UPDATE pools SET options_json = 'null'",
                        "stored pool " + POOL + " does not hold a map of strings"));
    }

    @ParameterizedTest
    @MethodSource("damagedRows")
    void aDamagedRowStopsTheOpenNamesTheRowAndLeavesTheFileUntouched(String damage, String message)
            throws IOException, SQLException {
        execute(damage);
        Map<String, byte[]> before = files();

        assertThatThrownBy(this::open).isInstanceOf(StoredStateException.class).hasMessageContaining(message);

        assertUntouched(before);
    }

    /**
     * Ports written past the schema's CHECKs (as {@code PRAGMA ignore_check_constraints} allows). The store's check
     * at open does not see them: its {@code integrity_check} runs on a read-only connection, and SQLite leaves CHECK
     * constraints out of a read-only connection's schema. So the loader must name them.
     */
    static Stream<Arguments> portRowsBreakingTheChecks() {
        String port = "stored published port %d of endpoint " + EP1 + " ";
        return Stream.of(
                Arguments.of("UPDATE published_ports SET protocol = 'sctp' WHERE position = 0",
                        port.formatted(0) + "has protocol \"sctp\", not tcp or udp"),
                Arguments.of("UPDATE published_ports SET host_port = 0 WHERE position = 1",
                        port.formatted(1) + "has host port 0, not 1 to 65535"),
                Arguments.of("UPDATE published_ports SET container_port = 65536 WHERE position = 2",
                        port.formatted(2) + "has container port 65536, not 1 to 65535"),
                Arguments.of("UPDATE published_ports SET container_ip = '' WHERE position = 2",
                        port.formatted(2) + "has container address \"\", not an IP address"));
    }

    @ParameterizedTest
    @MethodSource("portRowsBreakingTheChecks")
    void aPortRowBreakingTheSchemasChecksStopsTheOpenNamesTheRowAndLeavesTheFileUntouched(String damage,
            String message) throws IOException, SQLException {
        execute("PRAGMA ignore_check_constraints = ON", damage);
        Map<String, byte[]> before = files();

        assertThatThrownBy(this::open).isInstanceOf(StoredStateException.class).hasMessage(message);

        assertUntouched(before);
    }

    /** Only a writer with foreign keys off can leave ports behind their endpoint; they may still hold host ports. */
    @Test
    void aPortRowWhoseEndpointIsGoneStopsTheOpenAndLeavesTheFileUntouched() throws IOException, SQLException {
        execute("PRAGMA foreign_keys = OFF", "DELETE FROM endpoints WHERE id = '" + EP1 + "'");
        Map<String, byte[]> before = files();

        assertThatThrownBy(this::open).isInstanceOf(StoredStateException.class)
                .hasMessageContaining("stored published port 0 of endpoint " + EP1 + " belongs to no stored endpoint");

        assertUntouched(before);
    }

    @Test
    void aRefusedOpenReleasesTheStateSoTheRepairedStateOpens() throws SQLException {
        execute("UPDATE networks SET request_json = 'not json'");
        assertThatThrownBy(this::open).isInstanceOf(StoredStateException.class);

        assertThatThrownBy(this::open).isInstanceOf(StoredStateException.class);
        execute("DELETE FROM networks");
        try (DurableState repaired = open()) {
            assertThat(repaired.restored().driverState().networks()).isEmpty();
            assertThat(repaired.restored().driverState().endpoints()).isEmpty();
            assertThat(repaired.restored().ipam().pools()).hasSize(1);
        }
    }

    private DurableState open() {
        return DurableState.open(stateDir, mapper, CLOCK, CommitListener.NONE);
    }

    /** Changes the closed state file behind mdnp's back, as an operator's sqlite3 or a bad disk would. */
    private void execute(String sql) throws SQLException {
        execute("PRAGMA foreign_keys = ON", sql);
    }

    /** Changes the closed state file as {@link #execute(String)} does, on a connection set up by {@code pragma}. */
    private void execute(String pragma, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve("state.db"));
                Statement statement = connection.createStatement()) {
            statement.execute(pragma);
            assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
        }
    }

    private void assertUntouched(Map<String, byte[]> before) throws IOException {
        assertThat(files()).containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
    }

    /**
     * Returns every entry of the state directory: a file with its bytes, a directory (the one SQLite's library is
     * loaded from) with the names in it.
     */
    private Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(stateDir)) {
            for (Path entry : listing.toList()) {
                byte[] content = Files.isDirectory(entry) ? names(entry) : Files.readAllBytes(entry);
                files.put(entry.getFileName().toString(), content);
            }
        }
        return files;
    }

    private static byte[] names(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.map(path -> path.getFileName().toString()).sorted().collect(Collectors.joining("\n"))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
