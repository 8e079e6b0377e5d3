package dev.mdnp.inspector.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.FirewallRepairView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionViewModelTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final InspectorStore store = new InspectorStore();
    private final ConnectionViewModel model = new ConnectionViewModel(store, "/run/mdnp/inspect.sock", BERLIN);

    private void repaired(String at, boolean base, List<String> bridges) {
        store.apply(List.of(new FeedUpdate.FirewallRepair(new FirewallRepairView(Instant.parse(at), base, bridges,
                List.of()))));
    }

    @Test
    void saysNothingAboutTheFirewallBeforeARepair() {
        assertThat(model.firewallRepairsProperty().get()).isEmpty();
        assertThat(model.firewallRepairDetailProperty().get()).isEmpty();
    }

    @Test
    void countsRepairsAndGivesTheLocalTimeOfTheLast() {
        repaired("2026-12-07T10:59:00Z", true, List.of());
        repaired("2026-12-07T11:05:03Z", false, List.of("mdnpb8f6511a52a"));

        assertThat(model.firewallRepairsProperty().get()).isEqualTo("⚠ firewall repaired 2× · last 12:05:03");
    }

    @Test
    void detailSaysWhatTheLastRepairPutBackAndWhatItMeans() {
        repaired("2026-12-07T11:05:03Z", true, List.of("mdnpb8f6511a52a"));

        assertThat(model.firewallRepairDetailProperty().get()).isEqualTo(
                "last repair: mdnp's chains and jumps, mdnpb8f6511a52a\n"
                        + "something else rewrote the firewall; mdnp put its rules back — see mdnp doctor");
    }

    @Test
    void aReplayShowsWhereItStandsInsteadOfConnectedAndStaysGreen() {
        store.apply(List.of(new FeedUpdate.Connection(new ConnectionState.Connected(-1))));

        model.replayStatusProperty().set("replay — call 12 of 31, 21:40:02.113");

        assertThat(model.stateProperty().get()).isEqualTo("replay — call 12 of 31, 21:40:02.113");
        assertThat(model.connectedProperty().get()).isTrue();
    }

    @Test
    void aReplayWhoseFileCannotBeReadSaysWhy() {
        model.replayStatusProperty().set("replay — the file has no calls");

        store.apply(List.of(new FeedUpdate.Connection(new ConnectionState.Closed("cannot read gone.ndjson: no such file"))));

        assertThat(model.stateProperty().get()).isEqualTo("closed: cannot read gone.ndjson: no such file");
    }
}
