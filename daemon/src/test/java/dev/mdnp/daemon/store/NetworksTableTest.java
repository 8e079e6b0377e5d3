package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.endpoint;
import static dev.mdnp.daemon.store.SampleRows.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NetworksTableTest {

    private static final String LONG_ID = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b";

    @RegisterExtension
    final OpenStore open = new OpenStore();

    @Test
    void anInsertedNetworkIsFoundByIdByBridgeAndInTheList() {
        NetworkRow row = new NetworkRow(LONG_ID, "mdnpb-1a2b3c", "{\"NetworkID\":\"x\",\"IPv4Data\":[]}",
                Instant.parse("2025-05-06T07:08:09.123456789Z"));
        open.store().runInTransaction(tx -> tx.networks().insert(row));

        var byId = open.store().inTransaction(tx -> tx.networks().get(LONG_ID));
        var byBridge = open.store().inTransaction(tx -> tx.networks().getByBridge("mdnpb-1a2b3c"));
        var all = open.store().inTransaction(tx -> tx.networks().list());

        assertThat(byId).contains(row);
        assertThat(byId.orElseThrow().createdAt()).isEqualTo(Instant.parse("2025-05-06T07:08:09.123Z"));
        assertThat(byBridge).contains(row);
        assertThat(all).containsExactly(row);
    }

    @Test
    void theListIsOldestFirstThenById() {
        open.store().runInTransaction(tx -> {
            tx.networks().insert(new NetworkRow("b", "br-b", "{}", Instant.ofEpochMilli(2)));
            tx.networks().insert(new NetworkRow("a", "br-a", "{}", Instant.ofEpochMilli(3)));
            tx.networks().insert(new NetworkRow("c", "br-c", "{}", Instant.ofEpochMilli(1)));
            tx.networks().insert(new NetworkRow("e", "br-e", "{}", Instant.ofEpochMilli(2)));
            tx.networks().insert(new NetworkRow("d", "br-d", "{}", Instant.ofEpochMilli(2)));
        });

        var all = open.store().inTransaction(tx -> tx.networks().list());

        assertThat(all).extracting(NetworkRow::id).containsExactly("c", "b", "d", "e", "a");
    }

    @Test
    void aBridgeNameTakenByAnotherNetworkIsAConflictNamingThatNetwork() {
        open.store().runInTransaction(tx -> tx.networks().insert(network(LONG_ID, "mdnpb-shared")));

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.networks().insert(network("n2", "mdnpb-shared"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("insert network n2: bridge mdnpb-shared is already used by network 1a2b3c4d5e6f")
                .hasCauseInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.CONFLICT));
    }

    @Test
    void aTakenIdIsAConflict() {
        open.store().runInTransaction(tx -> tx.networks().insert(network("n1", "br1")));

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.networks().insert(network("n1", "br2"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("insert network n1: network already exists");
    }

    @Test
    void upsertReplacesTheRowInPlaceAndKeepsItsEndpoints() {
        open.store().runInTransaction(tx -> {
            tx.networks().insert(network("n1", "br1"));
            tx.endpoints().insert(endpoint("e1", "n1", "veth1"));
        });
        NetworkRow changed = new NetworkRow("n1", "br1-renamed", "{\"changed\":true}", Instant.EPOCH);

        open.store().runInTransaction(tx -> tx.networks().upsert(changed));

        var network = open.store().inTransaction(tx -> tx.networks().get("n1"));
        var endpoints = open.store().inTransaction(tx -> tx.endpoints().listByNetwork("n1"));
        assertThat(network).contains(changed);
        assertThat(endpoints).extracting(EndpointRow::id).containsExactly("e1");
    }

    @Test
    void upsertOntoAnotherNetworksBridgeIsAConflict() {
        open.store().runInTransaction(tx -> {
            tx.networks().insert(network("n1", "br1"));
            tx.networks().insert(network("n2", "br2"));
        });

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.networks().upsert(network("n2", "br1"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("upsert network n2: bridge br1 is already used by network n1");
    }

    @Test
    void deleteRemovesTheNetworkAndCascadesToItsEndpoints() {
        open.store().runInTransaction(tx -> {
            tx.networks().insert(network("n1", "br1"));
            tx.networks().insert(network("n2", "br2"));
            tx.endpoints().insert(endpoint("e1", "n1", "veth1"));
            tx.endpoints().insert(endpoint("e2", "n1", "veth2"));
            tx.endpoints().insert(endpoint("e3", "n2", "veth3"));
        });

        boolean deleted = open.store().inTransaction(tx -> tx.networks().delete("n1"));

        var endpoints = open.store().inTransaction(tx -> tx.endpoints().list());
        assertThat(deleted).isTrue();
        assertThat(endpoints).extracting(EndpointRow::id).containsExactly("e3");
    }

    @Test
    void deleteOfAnUnknownNetworkSucceeds() {
        boolean deleted = open.store().inTransaction(tx -> tx.networks().delete("nope"));
        var missing = open.store().inTransaction(tx -> tx.networks().get("nope"));

        assertThat(deleted).isFalse();
        assertThat(missing).isEmpty();
    }
}
