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

    private static final FirewallRepairView REPAIR = new FirewallRepairView(Instant.parse("2026-12-07T12:00:00Z"),
            true, List.of("mdnpb8f6511a52a"), List.of("mdnpb0"));

    @Test
    void everyEventKindRoundTripsWithItsTypeName() throws Exception {
        LinkView link = new LinkView("mdnpb8f6511a52a", "bridge", 12, "", "", 1500, "02:42:ac:11:00:01", true, "UP",
                10, 20, "8f6511a52af0", "", Drift.NONE);
        List<InspectEvent> events = List.of(new InspectEvent.Request(1, RECORD),
                new InspectEvent.StateChange(2, "network-created", "8f6511a52af0"),
                new InspectEvent.LinkChange(3, "added", link), new InspectEvent.Lost(4, 2),
                new InspectEvent.FirewallRepaired(5, REPAIR));
        for (InspectEvent event : events) {
            String json = mapper.writeValueAsString(event);

            assertThat(mapper.readValue(json, InspectEvent.class)).isEqualTo(event);
        }
        assertThat(mapper.readTree(mapper.writeValueAsString(events.get(1))).get("type").asText()).isEqualTo("state");
        assertThat(mapper.readTree(mapper.writeValueAsString(events.get(4))).get("type").asText())
                .isEqualTo("firewall");
    }

    @Test
    void aFirewallRepairSaysWhatWasPutBackInAFewWords() {
        assertThat(REPAIR.summary())
                .isEqualTo("mdnp's chains and jumps, mdnpb8f6511a52a; left-overs of mdnpb0 removed");
        assertThat(new FirewallRepairView(REPAIR.at(), false, List.of("mdnpb1", "mdnpb2"), null).summary())
                .isEqualTo("mdnpb1, mdnpb2");
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
        NetworkView network = new NetworkView("8f", "", "mdnpb8f", 1400, List.of("10.1.0.0/24"), List.of("fd00::/64"),
                List.of("10.1.0.1/24"), Map.of("k", "v"), 2, Instant.parse("2026-11-28T12:00:00Z"));
        EndpointView endpoint = new EndpointView("e0", "8f", "mdnphe0", "mdnpce0", "02:00:00:00:00:01",
                "10.1.0.2/24", "", true, "/var/run/docker/netns/abc",
                List.of(new PortView("tcp", "0.0.0.0", 8080, "10.1.0.2", 80, false)), ContainerRef.UNKNOWN);
        PoolView pool = new PoolView("MdnpLocal/10.1.0.0/24", "MdnpLocal", "10.1.0.0/24", "", 2, 252);
        InfoView info = new InfoView("mdnp", "0.1.0", Instant.parse("2026-11-28T12:00:00Z"),
                "/run/docker/plugins/mdnp.sock", "/var/lib/mdnp/mdnp", 1, 1, 42, 42, 10_000, 0);
        FirewallRulesView firewall = new FirewallRulesView("8f", "mdnpb8f",
                List.of("iptables -t nat -A MDNP-POSTROUTING -s 10.1.0.0/24 ! -o mdnpb8f -j MASQUERADE"));
        for (Object view : List.of(network, endpoint, pool, info, firewall)) {
            assertThat(mapper.readValue(mapper.writeValueAsString(view), view.getClass())).isEqualTo(view);
        }
    }

    @Test
    void anEndpointKeepsEveryPortFieldUnderTheNamesTheDaemonWrites() throws Exception {
        EndpointView endpoint = new EndpointView("e0", "8f", "mdnphe0", "mdnpce0", "02:00:00:00:00:01",
                "10.1.0.2/24", "fd00::2/64", true, "/var/run/docker/netns/abc",
                List.of(new PortView("tcp", "0.0.0.0", 32768, "10.1.0.2", 80, false),
                        new PortView("udp", "fd00::2", 53, "fd00::2", 53, true)), ContainerRef.UNKNOWN);

        JsonNode tree = mapper.valueToTree(endpoint);

        assertThat(tree.get("ports").get(1).toString()).isEqualTo("{\"protocol\":\"udp\",\"hostIp\":\"fd00::2\","
                + "\"hostPort\":53,\"containerIp\":\"fd00::2\",\"containerPort\":53,\"routed\":true}");
        assertThat(mapper.treeToValue(tree, EndpointView.class)).isEqualTo(endpoint);
    }

    @Test
    void anEndpointFromADaemonWithoutPortsHasNone() throws Exception {
        String older = "{\"id\":\"e0\",\"networkId\":\"8f\",\"hostIfName\":\"mdnphe0\",\"containerIfName\":\"mdnpce0\","
                + "\"mac\":\"02:00:00:00:00:01\",\"ipv4Address\":\"10.1.0.2/24\",\"ipv6Address\":\"\",\"joined\":false,"
                + "\"sandboxKey\":\"\"}";

        assertThat(mapper.readValue(older, EndpointView.class).ports()).isEmpty();
        assertThat(mapper.readValue(older.replace("}", ",\"ports\":null}"), EndpointView.class).ports()).isEmpty();
    }

    @Test
    void aPortReadsAsDockerPrintsIt() {
        assertThat(new PortView("tcp", "0.0.0.0", 8080, "10.1.0.2", 80, false).text())
                .isEqualTo("0.0.0.0:8080->80/tcp");
        assertThat(new PortView("udp", "::", 8080, "fd00::2", 80, false).text()).isEqualTo("[::]:8080->80/udp");
    }

    @Test
    void aFirewallEntryWithoutItsListHasNothingMissing() throws Exception {
        FirewallRulesView base = mapper.readValue("{\"networkId\":\"\",\"bridge\":\"\"}", FirewallRulesView.class);

        assertThat(base.missingRules()).isEmpty();
        assertThat(base.base()).isTrue();
        assertThat(mapper.valueToTree(base).has("base")).as("a derived accessor is not a member").isFalse();
    }
}
