package dev.mdnp.model.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.json.JsonMappers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The introspection records survive a JSON round trip with the shared mapper, and events carry their type name. */
class InspectJsonTest {

    private final ObjectMapper mapper = JsonMappers.create();

    private static final RequestRecord RECORD = new RequestRecord(7, Instant.parse("2026-11-28T12:00:00.123456Z"),
            "NetworkDriver.CreateEndpoint", "8f6511a52af0", "e0b0a8e2947b", 200, "", "{\"NetworkID\":\"8f\"}",
            "{\"Interface\":null}", 1234, new PhaseTimings(10, 20, 900, 250, 30),
            List.of(new KernelOpRecord("create veth", "mdnphe0b0a8e294", 800, ""),
                    new KernelOpRecord("set master", "mdnphe0b0a8e294", 100, "no such device")));

    @Test
    void everyEventKindRoundTripsWithItsTypeName() throws Exception {
        LinkView link = new LinkView("mdnpb8f6511a52a", "bridge", 12, "", "", 1500, "02:42:ac:11:00:01", true, "UP",
                10, 20, "8f6511a52af0", "", Drift.NONE);
        List<InspectEvent> events = List.of(new InspectEvent.Request(1, RECORD),
                new InspectEvent.StateChange(2, "network-created", "8f6511a52af0"),
                new InspectEvent.LinkChange(3, "added", link), new InspectEvent.Lost(4, 2));
        for (InspectEvent event : events) {
            String json = mapper.writeValueAsString(event);

            assertThat(mapper.readValue(json, InspectEvent.class)).isEqualTo(event);
        }
        assertThat(mapper.readTree(mapper.writeValueAsString(events.get(1))).get("type").asText()).isEqualTo("state");
    }

    @Test
    void aRequestRecordKeepsEveryFieldAndAMissingOpsListBecomesEmpty() throws Exception {
        assertThat(mapper.readValue(mapper.writeValueAsString(RECORD), RequestRecord.class)).isEqualTo(RECORD);

        JsonNode tree = mapper.valueToTree(RECORD);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("kernelOps");
        assertThat(mapper.treeToValue(tree, RequestRecord.class).kernelOps()).isEmpty();
        assertThat(RECORD.ok()).isTrue();
        assertThat(RECORD.kernelOps().get(1).ok()).isFalse();
    }

    @Test
    void viewsRoundTrip() throws Exception {
        NetworkView network = new NetworkView("8f", "mdnpb8f", 1400, List.of("10.1.0.0/24"), List.of("fd00::/64"),
                List.of("10.1.0.1/24"), Map.of("k", "v"), 2, Instant.parse("2026-11-28T12:00:00Z"));
        EndpointView endpoint = new EndpointView("e0", "8f", "mdnphe0", "mdnpce0", "02:00:00:00:00:01",
                "10.1.0.2/24", "", true, "/var/run/docker/netns/abc");
        PoolView pool = new PoolView("MdnpLocal/10.1.0.0/24", "MdnpLocal", "10.1.0.0/24", "", 2, 252);
        InfoView info = new InfoView("mdnp", "0.1.0", Instant.parse("2026-11-28T12:00:00Z"),
                "/run/docker/plugins/mdnp.sock", "/var/lib/mdnp/mdnp", 1, 1, 42, 42, 10_000, 0);
        for (Object view : List.of(network, endpoint, pool, info)) {
            assertThat(mapper.readValue(mapper.writeValueAsString(view), view.getClass())).isEqualTo(view);
        }
    }
}
