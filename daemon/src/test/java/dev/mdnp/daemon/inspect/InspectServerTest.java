package dev.mdnp.daemon.inspect;

import static dev.mdnp.daemon.inspect.InspectFixture.EP;
import static dev.mdnp.daemon.inspect.InspectFixture.NET;
import static dev.mdnp.daemon.inspect.InspectFixture.NET2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import dev.mdnp.daemon.driver.DriverException;
import dev.mdnp.daemon.netlink.BridgeLink;
import dev.mdnp.daemon.netlink.LinkAttrs;
import dev.mdnp.daemon.netlink.LinkStats;
import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.OperState;
import dev.mdnp.daemon.netlink.VethLink;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.FirewallRulesView;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PortView;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestPoolRequest;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inspect API over a real socket: every route, its errors, and what it refuses. */
@Timeout(60)
class InspectServerTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @TempDir
    Path dir;

    private InspectFixture inspect;

    @BeforeEach
    void start() throws IOException {
        inspect = InspectFixture.start(dir);
    }

    @AfterEach
    void stop() {
        inspect.close();
    }

    private JsonNode json(Reply reply) throws IOException {
        return mapper.readTree(reply.body());
    }

    @Test
    void networksShowWhatTheDriverHolds() throws IOException {
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);

        Reply reply = inspect.get("/v1/networks");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode network = json(reply).get(0);
        assertThat(network.get("id").asText()).isEqualTo(NET);
        assertThat(network.get("bridge").asText()).isEqualTo("mdnpb8f6511a52a");
        assertThat(network.get("mtu").asInt()).isEqualTo(1400);
        assertThat(network.get("ipv4Subnets").get(0).asText()).isEqualTo("10.88.0.0/16");
        assertThat(network.get("gateways").get(0).asText()).isEqualTo("10.88.0.1/16");
        assertThat(network.get("endpoints").asInt()).isEqualTo(1);
        assertThat(network.get("createdAt").asText()).isEqualTo("2025-01-31T12:00:00Z");
    }

    @Test
    void oneNetworkIsFoundByItsIdOrAUniquePrefix() throws IOException {
        inspect.docker.network(NET);

        assertThat(json(inspect.get("/v1/networks/" + NET)).get("id").asText()).isEqualTo(NET);
        assertThat(json(inspect.get("/v1/networks/8f6511a52af0")).get("id").asText()).isEqualTo(NET);
    }

    @Test
    void anUnknownNetworkIsA404WithAJsonError() throws IOException {
        Reply reply = inspect.get("/v1/networks/" + NET2);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(json(reply).get("Err").asText()).contains("3c0d1e1f5a6b");
    }

    @Test
    void endpointsShowTheirInterfacesAndJoinState() throws IOException {
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);
        inspect.docker.join(NET, EP);

        JsonNode endpoint = json(inspect.get("/v1/endpoints")).get(0);

        assertThat(endpoint.get("id").asText()).isEqualTo(EP);
        assertThat(endpoint.get("hostIfName").asText()).isEqualTo("mdnphe0b0a8e294");
        assertThat(endpoint.get("containerIfName").asText()).isEqualTo("mdnpce0b0a8e294");
        assertThat(endpoint.get("ipv4Address").asText()).isEqualTo("10.88.0.2/16");
        assertThat(endpoint.get("mac").asText()).isEqualTo("02:42:0a:58:00:02");
        assertThat(endpoint.get("joined").asBoolean()).isTrue();
        assertThat(endpoint.get("sandboxKey").asText()).isEqualTo(InspectFixture.SANDBOX);
    }

    @Test
    void containersShowTheInterfacesReadInsideTheirSandboxDumpingEachSandboxOncePerRequest() throws IOException {
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);
        inspect.docker.join(NET, EP);
        inspect.sandboxes.set(InspectFixture.SANDBOX, List.of(new VethLink(new LinkAttrs(4, "eth0", 1500,
                MacAddress.parse("02:42:0a:58:00:02"), 0, true, OperState.UP, new LinkStats(3, 2, 378, 196)), 0)));

        List<ContainerView> containers = mapper.readValue(inspect.get("/v1/containers").body(),
                new TypeReference<List<ContainerView>>() { });

        assertThat(containers).containsExactly(new ContainerView(InspectFixture.SANDBOX, ContainerRef.UNKNOWN,
                List.of(new ContainerInterfaceView(EP, NET, "eth0", "02:42:0a:58:00:02", "UP", 378, 196, ""))));
        assertThat(inspect.sandboxes.dumps(InspectFixture.SANDBOX)).isEqualTo(1);
    }

    @Test
    void networksAndEndpointsShowDockersNamesAsTheLookupKnowsThem() throws IOException {
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);
        ContainerRef web = new ContainerRef("c0ffee", "web", List.of("www"));
        inspect.names.networkNamed(NET, "front");
        inspect.names.containerAttached("c0ffee", Map.of(EP, web));

        assertThat(mapper.readValue(inspect.get("/v1/networks").body(), new TypeReference<List<NetworkView>>() { }))
                .extracting(NetworkView::name).containsExactly("front");
        assertThat(mapper.readValue(inspect.get("/v1/endpoints").body(),
                new TypeReference<List<EndpointView>>() { })).extracting(EndpointView::container).containsExactly(web);
    }

    @Test
    void withoutDockersNamesNetworksAndEndpointsAreShownByIdAsBefore() throws IOException {
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);

        JsonNode network = json(inspect.get("/v1/networks")).get(0);
        JsonNode container = json(inspect.get("/v1/endpoints")).get(0).get("container");

        assertThat(network.get("name").asText()).isEmpty();
        assertThat(container.get("name").asText()).isEmpty();
        assertThat(container.get("id").asText()).isEmpty();
    }

    @Test
    void endpointsShowTheirPublishedPorts() throws IOException {
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);
        inspect.docker.join(NET, EP);
        inspect.docker.publish(NET, EP, 8080, 80, 0, 53);

        List<PortView> ports = mapper.readValue(inspect.get("/v1/endpoints").body(),
                new TypeReference<List<EndpointView>>() { }).get(0).ports();

        assertThat(ports).containsExactly(new PortView("tcp", "0.0.0.0", 8080, "10.88.0.2", 80, false),
                new PortView("tcp", "0.0.0.0", 32768, "10.88.0.2", 53, false));
    }

    @Test
    void anEndpointWithoutPortsShowsAnEmptyList() throws IOException {
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);

        JsonNode endpoint = json(inspect.get("/v1/endpoints")).get(0);

        assertThat(endpoint.get("ports").isArray()).isTrue();
        assertThat(endpoint.get("ports")).isEmpty();
    }

    @Test
    void firewallListsTheBaseThenEveryNetworkWithWhatItLacks() throws IOException {
        inspect.docker.network(NET);
        inspect.docker.network(NET2);
        inspect.firewall.set(List.of(
                new MissingRules("mdnpb8f6511a52a", List.of("iptables -t nat -A MDNP-POSTROUTING -s 10.88.0.0/16 !"
                        + " -o mdnpb8f6511a52a -j MASQUERADE")),
                new MissingRules("", List.of("iptables -t filter -A FORWARD -j MDNP-FORWARD")),
                new MissingRules("mdnpb8f6511a52a", List.of("ip6tables -t filter -A MDNP-FORWARD -j DROP"))));

        Reply reply = inspect.get("/v1/firewall");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(mapper.readValue(reply.body(), new TypeReference<List<FirewallRulesView>>() { })).containsExactly(
                new FirewallRulesView("", "", List.of("iptables -t filter -A FORWARD -j MDNP-FORWARD")),
                new FirewallRulesView(NET2, "mdnpb3c0d1e1f5a", List.of()),
                new FirewallRulesView(NET, "mdnpb8f6511a52a", List.of("iptables -t nat -A MDNP-POSTROUTING -s"
                        + " 10.88.0.0/16 ! -o mdnpb8f6511a52a -j MASQUERADE",
                        "ip6tables -t filter -A MDNP-FORWARD -j DROP")));
    }

    @Test
    void firewallNamesABridgeOfNoNetworkWithoutAnId() throws IOException {
        inspect.firewall.set(List.of(new MissingRules("mdnpbgone0000000", List.of("iptables -t nat -A X"))));

        assertThat(mapper.readValue(inspect.get("/v1/firewall").body(),
                new TypeReference<List<FirewallRulesView>>() { })).containsExactly(
                new FirewallRulesView("", "", List.of()),
                new FirewallRulesView("", "mdnpbgone0000000", List.of("iptables -t nat -A X")));
    }

    @Test
    void aFirewallThatCannotBeListedIsA503WithItsReason() throws IOException {
        inspect.firewall.fail(new DriverException(DriverException.Reason.INTERNAL,
                "check firewall rules: iptables-save exited with 1: permission denied"));

        Reply reply = inspect.get("/v1/firewall");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(json(reply).get("Err").asText())
                .isEqualTo("check firewall rules: iptables-save exited with 1: permission denied");
    }

    @Test
    void aRepairThatChangedSomethingIsServedPublishedAndCountedAndOneThatDidNotIsNot() throws IOException {
        inspect.drift.repaired(new FirewallReport(List.of(), List.of(), false));
        inspect.drift.repaired(new FirewallReport(List.of("mdnpb8f6511a52a"), List.of("mdnpbgone"), true));

        FirewallRepairView repair = new FirewallRepairView(InspectFixture.NOW, true, List.of("mdnpb8f6511a52a"),
                List.of("mdnpbgone"));
        assertThat(mapper.readValue(inspect.get("/v1/firewall/repairs").body(),
                new TypeReference<List<FirewallRepairView>>() { })).containsExactly(repair);
        assertThat(inspect.history.events().after(0, 10)).containsExactly(new InspectEvent.FirewallRepaired(1, repair));
        assertThat(inspect.get("/metrics").body()).contains("mdnp_firewall_repairs_total 1");
        assertThat(inspect.firewall.asked()).isZero();
    }

    @Test
    void onlyTheLatestFirewallRepairsAreKeptAndAllAreCounted() throws IOException {
        for (int i = 0; i < FirewallDrift.KEPT + 5; i++) {
            inspect.drift.repaired(new FirewallReport(List.of("mdnpb" + i), List.of(), false));
        }

        List<FirewallRepairView> kept = mapper.readValue(inspect.get("/v1/firewall/repairs").body(),
                new TypeReference<List<FirewallRepairView>>() { });
        assertThat(kept).hasSize(FirewallDrift.KEPT);
        assertThat(kept.get(0).repairedBridges()).containsExactly("mdnpb5");
        assertThat(inspect.drift.count()).isEqualTo(FirewallDrift.KEPT + 5);
    }

    @Test
    void onlyTheFirewallPathListsTheFirewall() throws IOException {
        inspect.docker.network(NET);
        for (String path : List.of("/v1/info", "/v1/networks", "/v1/networks/" + NET, "/v1/endpoints",
                "/v1/links", "/v1/ipam/pools", "/v1/requests", "/v1/firewall/repairs", "/metrics")) {
            assertThat(inspect.get(path).status()).as(path).isEqualTo(200);
        }

        assertThat(inspect.firewall.asked()).isZero();
    }

    @Test
    void poolsShowUsedAndFreeAddresses() throws IOException {
        String poolId = inspect.ipam.requestPool(
                new RequestPoolRequest("MdnpLocal", "10.99.0.0/24", "", Map.of(), false)).poolId();
        inspect.ipam.requestAddress(new RequestAddressRequest(poolId, "", Map.of()));
        inspect.ipam.requestAddress(new RequestAddressRequest(poolId, "", Map.of()));

        JsonNode pool = json(inspect.get("/v1/ipam/pools")).get(0);

        assertThat(pool.get("poolId").asText()).isEqualTo(poolId);
        assertThat(pool.get("used").asLong()).isEqualTo(2);
        assertThat(pool.get("free").asLong()).isEqualTo(252);
    }

    @Test
    void linksJoinTheKernelWithTheState() throws IOException {
        inspect.docker.network(NET);
        inspect.links.set(List.of(new BridgeLink(LinkDriftTest.attrs(5, "mdnpb8f6511a52a", 0)),
                new BridgeLink(LinkDriftTest.attrs(8, "mdnpbleftover00", 0))));

        JsonNode links = json(inspect.get("/v1/links"));

        assertThat(links).hasSize(2);
        assertThat(links.get(0).get("drift").asText()).isEqualTo("NONE");
        assertThat(links.get(0).get("networkId").asText()).isEqualTo(NET);
        assertThat(links.get(1).get("drift").asText()).isEqualTo("UNKNOWN_TO_STATE");
    }

    @Test
    void requestsArePagedWithAfterAndLimit() throws IOException {
        for (int i = 0; i < 5; i++) {
            inspect.history.recorded(Records.call());
        }

        List<RequestRecord> page = List.of(mapper.readValue(inspect.get("/v1/requests?after=1&limit=2").body(),
                RequestRecord[].class));
        List<RequestRecord> latest = List.of(mapper.readValue(inspect.get("/v1/requests?limit=2").body(),
                RequestRecord[].class));

        assertThat(page).extracting(RequestRecord::seq).containsExactly(2L, 3L);
        assertThat(page.get(0).start()).isEqualTo(Records.START);
        assertThat(latest).extracting(RequestRecord::seq).containsExactly(4L, 5L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/requests?after=-1", "/v1/requests?limit=0", "/v1/requests?after=x",
        "/v1/requests?limit=10001", "/v1/events?after=soon"})
    void aBadQueryParameterIsA400(String path) throws IOException {
        Reply reply = inspect.get(path);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(json(reply).get("Err").asText()).isNotEmpty();
    }

    @Test
    void infoDescribesTheDaemon() throws IOException {
        inspect.docker.network(NET);
        inspect.history.recorded(Records.call());

        JsonNode info = json(inspect.get("/v1/info"));

        assertThat(info.get("name").asText()).isEqualTo("mdnp");
        assertThat(info.get("version").asText()).isEqualTo("0.1.0-test");
        assertThat(info.get("startedAt").asText()).isEqualTo("2025-01-31T11:00:00Z");
        assertThat(info.get("networks").asInt()).isEqualTo(1);
        assertThat(info.get("requests").asLong()).isEqualTo(1);
        assertThat(info.get("historySize").asInt()).isEqualTo(10_000);
        assertThat(info.get("droppedEvents").asLong()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void everyMethodButGetIsRefusedWith405(String method) throws IOException {
        Reply reply = inspect.request(method, "/v1/networks");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET");
        assertThat(json(reply).get("Err").asText()).contains("read-only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v1", "/v1/nope", "/v1/networks/", "/NetworkDriver.CreateNetwork"})
    void anUnknownPathIsA404WithAJsonError(String path) throws IOException {
        Reply reply = inspect.get(path);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(json(reply).get("Err").asText()).isNotEmpty();
    }

    @Test
    void theSocketIsNotWritableByOthers() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(inspect.socket())))
                .isEqualTo("rw-rw----");
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() throws IOException {
        inspect.docker.network(NET);
        inspect.history.recorded(Records.call());

        Reply reply = inspect.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        assertThat(reply.body())
                .contains("mdnp_calls_total{method=\"NetworkDriver.CreateNetwork\",status=\"200\"} 1")
                .contains("mdnp_call_duration_seconds_bucket{method=\"NetworkDriver.CreateNetwork\"")
                .contains("mdnp_kernel_op_duration_seconds_count{ok=\"true\",operation=\"create bridge\"} 1")
                .contains("mdnp_networks 1")
                .contains("mdnp_endpoints 0")
                .contains("mdnp_ipam_allocated_addresses 0")
                .contains("mdnp_events_dropped_total 0");
    }

    @Test
    void driverChangesArePublishedAsStateEvents() {
        inspect.docker.network(NET);
        inspect.docker.endpoint(NET, EP);
        inspect.docker.join(NET, EP);

        assertThat(inspect.history.events().after(0, 10)).containsExactly(
                new InspectEvent.StateChange(1, "network-created", NET),
                new InspectEvent.StateChange(2, "endpoint-created", EP),
                new InspectEvent.StateChange(3, "endpoint-joined", EP));
    }
}
