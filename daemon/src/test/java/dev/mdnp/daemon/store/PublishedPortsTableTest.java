package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.endpoint;
import static dev.mdnp.daemon.store.SampleRows.network;
import static dev.mdnp.daemon.store.SampleRows.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishedPortsTableTest {

    @RegisterExtension
    final OpenStore open = new OpenStore();

    @BeforeEach
    void openStoreWithThreeEndpointsOnTwoNetworks() {
        open.store().runInTransaction(tx -> {
            tx.networks().insert(network("n1", "br1"));
            tx.networks().insert(network("n2", "br2"));
            tx.endpoints().insert(endpoint("e1", "n1", "veth1"));
            tx.endpoints().insert(endpoint("e2", "n1", "veth2"));
            tx.endpoints().insert(endpoint("e3", "n2", "veth3"));
        });
    }

    @Test
    void everyColumnSurvivesTheRoundTrip() {
        List<PublishedPortRow> ports = List.of(
                new PublishedPortRow("e1", 0, "tcp", "127.0.0.1", 8080, "10.7.0.2", 80, false),
                new PublishedPortRow("e1", 1, "udp", "::", 65535, "fd00:7::2", 1, false),
                new PublishedPortRow("e1", 2, "tcp", "fd00:7::2", 443, "fd00:7::2", 443, true));
        open.store().runInTransaction(tx -> tx.publishedPorts().replace("e1", ports));

        var read = open.store().inTransaction(tx -> tx.publishedPorts().listByEndpoint("e1"));

        assertThat(read).containsExactlyElementsOf(ports);
    }

    @Test
    void replaceDropsThePreviousPortsAndKeepsTheOrderItIsGiven() {
        open.store().runInTransaction(tx -> tx.publishedPorts().replace("e1",
                List.of(port("e1", 0, 8080), port("e1", 1, 8081), port("e1", 2, 8082))));
        List<PublishedPortRow> second = List.of(port("e1", 0, 9090), port("e1", 1, 7070));

        open.store().runInTransaction(tx -> tx.publishedPorts().replace("e1", second));

        var read = open.store().inTransaction(tx -> tx.publishedPorts().listByEndpoint("e1"));
        assertThat(read).containsExactlyElementsOf(second);
    }

    @Test
    void replaceWithNoPortsLeavesTheEndpointNoneAndOtherEndpointsTheirs() {
        open.store().runInTransaction(tx -> {
            tx.publishedPorts().replace("e1", List.of(port("e1", 0, 8080)));
            tx.publishedPorts().replace("e2", List.of(port("e2", 0, 8081)));
        });

        open.store().runInTransaction(tx -> tx.publishedPorts().replace("e1", List.of()));

        var all = open.store().inTransaction(tx -> tx.publishedPorts().list());
        assertThat(all).containsExactly(port("e2", 0, 8081));
    }

    @Test
    void allPortsAreListedByEndpointThenPositionAndThoseOfOneEndpointByPosition() {
        open.store().runInTransaction(tx -> {
            tx.publishedPorts().replace("e3", List.of(port("e3", 0, 30), port("e3", 1, 31)));
            tx.publishedPorts().replace("e1", List.of(port("e1", 1, 11), port("e1", 0, 10)));
        });

        var all = open.store().inTransaction(tx -> tx.publishedPorts().list());
        var ofE1 = open.store().inTransaction(tx -> tx.publishedPorts().listByEndpoint("e1"));
        var ofE2 = open.store().inTransaction(tx -> tx.publishedPorts().listByEndpoint("e2"));
        var ofUnknown = open.store().inTransaction(tx -> tx.publishedPorts().listByEndpoint("e9"));

        assertThat(all).extracting(PublishedPortRow::hostPort).containsExactly(10, 11, 30, 31);
        assertThat(ofE1).extracting(PublishedPortRow::hostPort).containsExactly(10, 11);
        assertThat(ofE2).isEmpty();
        assertThat(ofUnknown).isEmpty();
    }

    @Test
    void deletingTheEndpointDeletesItsPorts() {
        open.store().runInTransaction(tx -> {
            tx.publishedPorts().replace("e1", List.of(port("e1", 0, 8080), port("e1", 1, 8081)));
            tx.publishedPorts().replace("e2", List.of(port("e2", 0, 8082)));
        });

        open.store().runInTransaction(tx -> tx.endpoints().delete("e1"));

        var all = open.store().inTransaction(tx -> tx.publishedPorts().list());
        assertThat(all).containsExactly(port("e2", 0, 8082));
    }

    @Test
    void deletingTheNetworkDeletesThePortsOfItsEndpoints() {
        open.store().runInTransaction(tx -> {
            tx.publishedPorts().replace("e1", List.of(port("e1", 0, 8080)));
            tx.publishedPorts().replace("e2", List.of(port("e2", 0, 8081)));
            tx.publishedPorts().replace("e3", List.of(port("e3", 0, 8082)));
        });

        open.store().runInTransaction(tx -> tx.networks().delete("n1"));

        var all = open.store().inTransaction(tx -> tx.publishedPorts().list());
        assertThat(all).containsExactly(port("e3", 0, 8082));
    }

    /** Upserts update in place (ON CONFLICT DO UPDATE); a REPLACE would delete the row and cascade to the ports. */
    @Test
    void changesToTheEndpointRowKeepItsPorts() {
        open.store().runInTransaction(tx -> tx.publishedPorts().replace("e1", List.of(port("e1", 0, 8080))));

        open.store().runInTransaction(tx -> {
            tx.endpoints().updateJoinState("e1", true, "/var/run/docker/netns/x");
            tx.endpoints().upsert(endpoint("e1", "n1", "veth1").withSandbox("/var/run/docker/netns/y"));
            tx.networks().upsert(network("n1", "br1-renamed"));
        });

        var ports = open.store().inTransaction(tx -> tx.publishedPorts().listByEndpoint("e1"));
        assertThat(ports).containsExactly(port("e1", 0, 8080));
    }

    @Test
    void portsOfAnUnknownEndpointAreAMissingReference() {
        assertThatThrownBy(() -> open.store().runInTransaction(tx ->
                tx.publishedPorts().replace("e9", List.of(port("e9", 0, 8080)))))
                .isInstanceOf(StoreException.class)
                .hasMessage("replace published ports of endpoint e9: endpoint e9 does not exist")
                .satisfies(e -> assertThat(((StoreException) e).reason())
                        .isEqualTo(StoreException.Reason.MISSING_REFERENCE));
    }

    @Test
    void twoPortsAtOnePositionAreAConflictAndTheTransactionKeepsThePreviousPorts() {
        open.store().runInTransaction(tx -> tx.publishedPorts().replace("e1", List.of(port("e1", 0, 8080))));

        assertThatThrownBy(() -> open.store().runInTransaction(tx ->
                tx.publishedPorts().replace("e1", List.of(port("e1", 0, 9090), port("e1", 0, 9091)))))
                .isInstanceOf(StoreException.class)
                .hasMessage("replace published ports of endpoint e1: two ports at position 0")
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.CONFLICT));
        var ports = open.store().inTransaction(tx -> tx.publishedPorts().listByEndpoint("e1"));
        assertThat(ports).containsExactly(port("e1", 0, 8080));
    }

    static Stream<Arguments> rowsBreakingAConstraint() {
        return Stream.of(
                Arguments.of(new PublishedPortRow("e1", 0, "sctp", "0.0.0.0", 8080, "10.7.0.2", 80, false),
                        "protocol IN ('tcp', 'udp')"),
                Arguments.of(new PublishedPortRow("e1", 0, "TCP", "0.0.0.0", 8080, "10.7.0.2", 80, false),
                        "protocol IN ('tcp', 'udp')"),
                Arguments.of(new PublishedPortRow("e1", 0, "tcp", "0.0.0.0", 0, "10.7.0.2", 80, false),
                        "host_port BETWEEN 1 AND 65535"),
                Arguments.of(new PublishedPortRow("e1", 0, "tcp", "0.0.0.0", 65536, "10.7.0.2", 80, false),
                        "host_port BETWEEN 1 AND 65535"),
                Arguments.of(new PublishedPortRow("e1", 0, "tcp", "0.0.0.0", 8080, "10.7.0.2", 0, false),
                        "container_port BETWEEN 1 AND 65535"),
                Arguments.of(new PublishedPortRow("e1", 0, "tcp", "", 8080, "10.7.0.2", 80, false),
                        "host_ip <> ''"),
                Arguments.of(new PublishedPortRow("e1", 0, "tcp", "0.0.0.0", 8080, "", 80, false),
                        "container_ip <> ''"),
                Arguments.of(new PublishedPortRow("e1", -1, "tcp", "0.0.0.0", 8080, "10.7.0.2", 80, false),
                        "position >= 0"));
    }

    @ParameterizedTest
    @MethodSource("rowsBreakingAConstraint")
    void aValueBreakingAConstraintIsRefusedNamingTheConstraint(PublishedPortRow row, String constraint) {
        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.publishedPorts().replace("e1", List.of(row))))
                .isInstanceOf(StoreException.class)
                .hasMessage("replace published ports of endpoint e1: CHECK constraint failed: " + constraint)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.FAILURE));
        var ports = open.store().inTransaction(tx -> tx.publishedPorts().list());
        assertThat(ports).isEmpty();
    }

    @Test
    void aRowOfAnotherEndpointIsRejectedAndTheEndpointKeepsItsPorts() {
        open.store().runInTransaction(tx -> tx.publishedPorts().replace("e1", List.of(port("e1", 0, 8080))));

        assertThatThrownBy(() -> open.store().runInTransaction(tx ->
                tx.publishedPorts().replace("e1", List.of(port("e1", 0, 9090), port("e2", 1, 9091)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 1 belongs to endpoint e2, not e1");
        var ports = open.store().inTransaction(tx -> tx.publishedPorts().listByEndpoint("e1"));
        assertThat(ports).containsExactly(port("e1", 0, 8080));
    }
}
