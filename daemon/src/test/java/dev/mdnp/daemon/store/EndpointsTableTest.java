package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.endpoint;
import static dev.mdnp.daemon.store.SampleRows.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EndpointsTableTest {

    @RegisterExtension
    final OpenStore open = new OpenStore();

    @BeforeEach
    void openStoreWithTwoNetworks() {
        open.store().runInTransaction(tx -> {
            tx.networks().insert(network("n1", "br1"));
            tx.networks().insert(network("n2", "br2"));
        });
    }

    @Test
    void everyColumnSurvivesTheRoundTrip() {
        EndpointRow row = new EndpointRow("e1", "n1", "mdnpv-e1h", "mdnpv-e1c", "02:42:0a:07:00:02",
                "10.7.0.2/24", "fd00:7::2/64", true, "/var/run/docker/netns/abc", "{\"EndpointID\":\"e1\"}");
        open.store().runInTransaction(tx -> tx.endpoints().insert(row));

        var read = open.store().inTransaction(tx -> tx.endpoints().get("e1"));

        assertThat(read).contains(row);
    }

    @Test
    void allEndpointsAreListedByNetworkThenIdAndThoseOfOneNetworkById() {
        open.store().runInTransaction(tx -> {
            tx.endpoints().insert(endpoint("e1", "n2", "veth1"));
            tx.endpoints().insert(endpoint("e3", "n1", "veth3"));
            tx.endpoints().insert(endpoint("e2", "n1", "veth2"));
            tx.endpoints().insert(endpoint("e0", "n2", "veth0"));
        });

        var all = open.store().inTransaction(tx -> tx.endpoints().list());
        var ofN1 = open.store().inTransaction(tx -> tx.endpoints().listByNetwork("n1"));
        var ofUnknown = open.store().inTransaction(tx -> tx.endpoints().listByNetwork("n9"));

        assertThat(all).extracting(EndpointRow::id).containsExactly("e2", "e3", "e0", "e1");
        assertThat(ofN1).extracting(EndpointRow::id).containsExactly("e2", "e3");
        assertThat(ofUnknown).isEmpty();
    }

    @Test
    void updateJoinStateRecordsJoinAndLeaveAndChangesNothingElse() {
        EndpointRow created = endpoint("e1", "n1", "veth1");
        EndpointRow other = endpoint("e2", "n1", "veth2");
        open.store().runInTransaction(tx -> {
            tx.endpoints().insert(created);
            tx.endpoints().insert(other);
        });

        boolean joinedFound = open.store().inTransaction(tx ->
                tx.endpoints().updateJoinState("e1", true, "/var/run/docker/netns/x"));
        var joined = open.store().inTransaction(tx -> tx.endpoints().get("e1").orElseThrow());
        boolean leftFound = open.store().inTransaction(tx -> tx.endpoints().updateJoinState("e1", false, ""));
        var left = open.store().inTransaction(tx -> tx.endpoints().get("e1").orElseThrow());
        var untouched = open.store().inTransaction(tx -> tx.endpoints().get("e2").orElseThrow());

        assertThat(joinedFound).isTrue();
        assertThat(joined).isEqualTo(created.withSandbox("/var/run/docker/netns/x"));
        assertThat(leftFound).isTrue();
        assertThat(left).isEqualTo(created);
        assertThat(untouched).isEqualTo(other);
    }

    @Test
    void updateJoinStateOfAnUnknownEndpointChangesNothing() {
        boolean found = open.store().inTransaction(tx -> tx.endpoints().updateJoinState("e9", true, "/x"));
        var all = open.store().inTransaction(tx -> tx.endpoints().list());

        assertThat(found).isFalse();
        assertThat(all).isEmpty();
    }

    @Test
    void upsertRecordsJoinAndLeave() {
        EndpointRow created = endpoint("e1", "n1", "veth1");
        open.store().runInTransaction(tx -> tx.endpoints().insert(created));

        open.store().runInTransaction(tx -> tx.endpoints().upsert(created.withSandbox("/var/run/docker/netns/x")));
        var joined = open.store().inTransaction(tx -> tx.endpoints().get("e1").orElseThrow());
        open.store().runInTransaction(tx -> tx.endpoints().upsert(joined.withoutSandbox()));
        var left = open.store().inTransaction(tx -> tx.endpoints().get("e1").orElseThrow());

        assertThat(joined.joined()).isTrue();
        assertThat(joined.sandboxKey()).isEqualTo("/var/run/docker/netns/x");
        assertThat(left).isEqualTo(created);
    }

    @Test
    void anEndpointOfAnUnknownNetworkIsAMissingReference() {
        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.endpoints().insert(endpoint("e1", "n9", "veth1"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("insert endpoint e1: network n9 does not exist")
                .satisfies(e -> assertThat(((StoreException) e).reason())
                        .isEqualTo(StoreException.Reason.MISSING_REFERENCE));
    }

    @Test
    void aHostInterfaceNameTakenByAnotherEndpointIsAConflict() {
        open.store().runInTransaction(tx -> tx.endpoints().insert(endpoint("e1", "n1", "veth1")));

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.endpoints().insert(endpoint("e2", "n2", "veth1"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("insert endpoint e2: host interface veth1 is already used by endpoint e1")
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.CONFLICT));
    }

    @Test
    void aTakenIdIsAConflict() {
        open.store().runInTransaction(tx -> tx.endpoints().insert(endpoint("e1", "n1", "veth1")));

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.endpoints().insert(endpoint("e1", "n1", "veth2"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("insert endpoint e1: endpoint already exists");
    }

    @Test
    void deleteIsIdempotent() {
        open.store().runInTransaction(tx -> tx.endpoints().insert(endpoint("e1", "n1", "veth1")));

        boolean first = open.store().inTransaction(tx -> tx.endpoints().delete("e1"));
        boolean second = open.store().inTransaction(tx -> tx.endpoints().delete("e1"));

        var networks = open.store().inTransaction(tx -> tx.networks().list());
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(networks).hasSize(2);
    }
}
