package dev.mdnp.daemon.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.dataplane.firewall.Protocol;
import dev.mdnp.daemon.store.PublishedPortRow;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortRowsTest {

    private static final String EP = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";

    @Test
    void portsBecomeRowsNumberedInTheirOrderAndReadBackEqual() {
        List<PublishedPort> ports = List.of(
                new PublishedPort(Protocol.UDP, "127.0.0.1", 5353, "10.88.0.2", 53, false),
                new PublishedPort(Protocol.TCP, "::", 8080, "fd88::2", 80, false),
                new PublishedPort(Protocol.TCP, "fd88::2", 443, "fd88::2", 443, true));

        List<PublishedPortRow> rows = PortRows.rows(EP, ports);

        assertThat(rows).containsExactly(
                new PublishedPortRow(EP, 0, "udp", "127.0.0.1", 5353, "10.88.0.2", 53, false),
                new PublishedPortRow(EP, 1, "tcp", "::", 8080, "fd88::2", 80, false),
                new PublishedPortRow(EP, 2, "tcp", "fd88::2", 443, "fd88::2", 443, true));
        assertThat(rows).map(PortRows::port).containsExactlyElementsOf(ports);
    }

    /**
     * The schema's CHECKs keep most of these out of the table, but a writer can turn them off and the store's check
     * at open does not see CHECKs (see {@link DamagedStateTest}); the loader names each, so no damage is read as a
     * port.
     */
    static Stream<Arguments> rowsNoMdnpWrote() {
        return Stream.of(
                Arguments.of(row("sctp", "0.0.0.0", 8080, "10.88.0.2", 80),
                        "has protocol \"sctp\", not tcp or udp"),
                Arguments.of(row("TCP", "0.0.0.0", 8080, "10.88.0.2", 80),
                        "has protocol \"TCP\", not tcp or udp"),
                Arguments.of(row("tcp", "0.0.0.0", 0, "10.88.0.2", 80),
                        "has host port 0, not 1 to 65535"),
                Arguments.of(row("tcp", "0.0.0.0", 8080, "10.88.0.2", 65536),
                        "has container port 65536, not 1 to 65535"),
                Arguments.of(row("tcp", "", 8080, "10.88.0.2", 80),
                        "has host address \"\", not an IP address"),
                Arguments.of(row("tcp", "0.0.0.0", 8080, "db.example", 80),
                        "has container address \"db.example\", not an IP address"),
                Arguments.of(row("tcp", "::", 8080, "10.88.0.2", 80),
                        "has host address :: and container address 10.88.0.2 of different families"));
    }

    @ParameterizedTest
    @MethodSource("rowsNoMdnpWrote")
    void aRowNoMdnpCouldHaveWrittenIsDamagedStateNamingTheRow(PublishedPortRow row, String problem) {
        assertThatThrownBy(() -> PortRows.port(row))
                .isInstanceOf(StoredStateException.class)
                .hasMessage("stored published port 3 of endpoint " + EP + " " + problem);
    }

    private static PublishedPortRow row(String protocol, String hostIp, int hostPort, String containerIp,
            int containerPort) {
        return new PublishedPortRow(EP, 3, protocol, hostIp, hostPort, containerIp, containerPort, false);
    }
}
