package dev.mdnp.daemon.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mdnp.model.client.StubHttpServer;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DockerEngine} against {@link StubHttpServer}, a real HTTP server on a UNIX socket with canned answers: networks,
 * containers (name, aliases per network) and the event stream.
 */
class DockerEngineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String DRIVER = "mdnp";
    private static final String NET_A = "1a2b3c4d5e6f" + "0".repeat(52);
    private static final String NET_B = "b0b0b0b0b0b0" + "1".repeat(52);
    private static final String NET_BRIDGE = "ffffffffffff" + "2".repeat(52);
    private static final String CONTAINER_1 = "c1" + "3".repeat(62);
    private static final String CONTAINER_2 = "c2" + "4".repeat(62);
    private static final String ENDPOINT_1 = "e1" + "5".repeat(62);
    private static final String ENDPOINT_2 = "e2" + "6".repeat(62);
    private static final String LIST = "/v1.41/networks";
    private static final String HINT = "is dockerd running? is --docker-host right?";

    /** As Docker 20.10 lists networks: no endpoints, many fields mdnp does not read, and a filter it ignored. */
    private static final String LIST_BODY = """
            [
              {"Name": "net-a", "Id": "%1$s", "Created": "2025-11-28T20:33:00Z", "Scope": "local",
               "Driver": "mdnp", "EnableIPv6": false, "IPAM": {"Driver": "mdnp", "Options": {},
               "Config": [{"Subnet": "10.231.7.0/24"}]}, "Internal": false, "Attachable": false,
               "Ingress": false, "ConfigFrom": {"Network": ""}, "ConfigOnly": false, "Containers": {},
               "Options": {}, "Labels": {}},
              {"Name": "net-b", "Id": "%2$s", "Driver": "mdnp", "Containers": null},
              {"Name": "bridge", "Id": "%3$s", "Driver": "bridge"}
            ]
            """.formatted(NET_A, NET_B, NET_BRIDGE);

    private static final String INSPECT_A = """
            {"Name": "net-a", "Id": "%1$s", "Driver": "mdnp", "Scope": "local", "SomeFieldOfDocker99": [1, 2],
             "Containers": {
               "%3$s": {"Name": "two", "EndpointID": "%5$s", "MacAddress": "02:42:0a:e7:07:03",
                        "IPv4Address": "10.231.7.3/24", "IPv6Address": "fd00::3/64"},
               "%2$s": {"Name": "one", "EndpointID": "%4$s", "MacAddress": "02:42:0a:e7:07:02",
                        "IPv4Address": "10.231.7.2/24", "IPv6Address": ""}
             }}
            """.formatted(NET_A, CONTAINER_1, CONTAINER_2, ENDPOINT_1, ENDPOINT_2);

    private static final String INSPECT_B = """
            {"Name": "net-b", "Id": "%s", "Driver": "mdnp", "Containers": null}
            """.formatted(NET_B);

    private static final String CONTAINER = "c1d2e3f4a5b6" + "7".repeat(52);

    /** As Docker 26.1 answers a v1.41 inspect: the short id among the aliases, DNSNames beside them. */
    private static final String INSPECT_CONTAINER = """
            {"Id": "%1$s", "Name": "/web", "State": {"Running": true},
             "NetworkSettings": {"Networks": {
               "front": {"NetworkID": "%2$s", "EndpointID": "%3$s", "Aliases": ["www", "c1d2e3f4a5b6", "web"],
                         "DNSNames": ["web", "www", "c1d2e3f4a5b6"], "IPAddress": "10.0.0.2"},
               "back": {"NetworkID": "b0", "EndpointID": "", "Aliases": null},
               "gone": null
             }}}
            """.formatted(CONTAINER, NET_A, ENDPOINT_1);

    private StubHttpServer stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = StubHttpServer.start();
    }

    @AfterEach
    void stopStub() throws IOException {
        stub.close();
    }

    @Test
    void aPingReturnsTheEngineAnswerWhateverItsStatus() throws Exception {
        stub.reply("/_ping", 500, "text/plain", "daemon is shutting down");

        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            assertThat(engine.ping()).isEqualTo(new DockerPing(500, null, "daemon is shutting down"));
        }
        assertThat(stub.requests()).extracting(StubHttpServer.Request::target).containsExactly("/_ping");
    }

    @Test
    void returnsEachNetworkOfTheDriverWithItsEndpoints() {
        stub.reply(LIST, 200, LIST_BODY);
        stub.reply(LIST + "/" + NET_A, 200, INSPECT_A);
        stub.reply(LIST + "/" + NET_B, 200, INSPECT_B);

        assertThat(networksOf(stub.dockerHost())).containsExactly(
                new DockerNetwork(NET_A, "net-a", List.of(
                        new DockerEndpoint(ENDPOINT_1, CONTAINER_1, "10.231.7.2/24", ""),
                        new DockerEndpoint(ENDPOINT_2, CONTAINER_2, "10.231.7.3/24", "fd00::3/64"))),
                new DockerNetwork(NET_B, "net-b", List.of()));
    }

    @Test
    void asksForTheDriverFilterThenInspectsEachNetworkOfTheDriverWithHostDocker() {
        stub.reply(LIST, 200, LIST_BODY);
        stub.reply(LIST + "/" + NET_A, 200, INSPECT_A);
        stub.reply(LIST + "/" + NET_B, 200, INSPECT_B);

        networksOf(stub.dockerHost());

        List<StubHttpServer.Request> requests = stub.requests();
        assertThat(requests).extracting(StubHttpServer.Request::method, StubHttpServer.Request::path,
                        request -> request.header("host"))
                .containsExactly(
                        tuple("GET", LIST, "docker"),
                        tuple("GET", LIST + "/" + NET_A, "docker"),
                        tuple("GET", LIST + "/" + NET_B, "docker"));
        assertThat(requests.get(0).decodedQuery()).isEqualTo("filters={\"driver\":[\"mdnp\"]}");
    }

    @Test
    void returnsEachNetworkOfTheIpamDriverWhateverItsDriverWithItsPoolsGatewaysAuxAddressesAndEndpointAddresses() {
        String bridgeWithMdnpIpam = """
                {"Name": "b", "Id": "%s", "Driver": "bridge", "Containers": {},
                 "IPAM": {"Driver": "mdnp", "Config": [{"Subnet": "10.231.8.0/24", "Gateway": "10.231.8.254",
                  "AuxiliaryAddresses": {"printer": "10.231.8.10"}}, null]}}
                """.formatted(NET_BRIDGE);
        stub.reply(LIST, 200, """
                [{"Name": "net-a", "Id": "%1$s", "Driver": "mdnp", "IPAM": {"Driver": "mdnp"}},
                 {"Name": "net-b", "Id": "%2$s", "Driver": "mdnp", "IPAM": {"Driver": "default"}},
                 {"Name": "b", "Id": "%3$s", "Driver": "bridge", "IPAM": {"Driver": "mdnp"}}]
                """.formatted(NET_A, NET_B, NET_BRIDGE));
        stub.reply(LIST + "/" + NET_A, 200, INSPECT_A.replace("\"Scope\"",
                "\"IPAM\": {\"Driver\": \"mdnp\", \"Config\": [{\"Subnet\": \"10.231.7.0/24\"}]}, \"Scope\""));
        stub.reply(LIST + "/" + NET_BRIDGE, 200, bridgeWithMdnpIpam);

        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            assertThat(engine.networksOfIpamDriver(DRIVER)).containsExactly(
                    new DockerIpamNetwork(NET_A, "mdnp", List.of("10.231.7.0/24"), List.of(), List.of(),
                            List.of("10.231.7.3", "fd00::3", "10.231.7.2")),
                    new DockerIpamNetwork(NET_BRIDGE, "bridge", List.of("10.231.8.0/24"), List.of("10.231.8.254"),
                            List.of("10.231.8.10"), List.of()));
        }
        assertThat(stub.requests()).extracting(StubHttpServer.Request::path)
                .containsExactly(LIST, LIST + "/" + NET_A, LIST + "/" + NET_BRIDGE);
    }

    @Test
    void networkThatVanishesBetweenListAndInspectIsLeftOut() {
        stub.reply(LIST, 200, LIST_BODY);
        stub.reply(LIST + "/" + NET_B, 200, INSPECT_B);
        // No reply for NET_A: the stub answers 404 {"message": ...}, as dockerd does for a removed network.

        assertThat(networksOf(stub.dockerHost())).extracting(DockerNetwork::id).containsExactly(NET_B);
    }

    @Test
    void errorStatusFailsWithDockersMessageTheRequestAndTheSocket() {
        stub.reply(LIST, 500, "{\"message\": \"error while listing networks: boom\"}");

        assertThatThrownBy(() -> networksOf(stub.dockerHost()))
                .isInstanceOf(DockerEngineException.class)
                .hasMessageContaining(stub.socket().toString())
                .hasMessageContaining("GET /v1.41/networks?filters={\"driver\":[\"mdnp\"]}")
                .hasMessageEndingWith("with 500: error while listing networks: boom");
    }

    @Test
    void errorStatusOfAnInspectOtherThanNotFoundFails() {
        stub.reply(LIST, 200, LIST_BODY);
        stub.reply(LIST + "/" + NET_A, 503, "service unavailable");

        assertThatThrownBy(() -> networksOf(stub.dockerHost()))
                .isInstanceOf(DockerEngineException.class)
                .hasMessageEndingWith("GET /v1.41/networks/" + NET_A + " with 503: service unavailable");
    }

    @Test
    void malformedJsonFailsAsAnUnreadableBody() {
        stub.reply(LIST, 200, "[{\"Name\": \"net-a\", ");

        assertThatThrownBy(() -> networksOf(stub.dockerHost()))
                .isInstanceOf(DockerEngineException.class)
                .hasMessageContaining(stub.socket() + " sent an unreadable body for GET /v1.41/networks");
    }

    @Test
    void inspectBodyOfTheWrongShapeFailsAsAnUnreadableBody() {
        stub.reply(LIST, 200, LIST_BODY);
        stub.reply(LIST + "/" + NET_A, 200, "[]");

        assertThatThrownBy(() -> networksOf(stub.dockerHost()))
                .isInstanceOf(DockerEngineException.class)
                .hasMessageContaining("sent an unreadable body for GET /v1.41/networks/" + NET_A);
    }

    @Test
    void listedIdThatWouldChangeTheRequestPathFails() {
        stub.reply(LIST, 200, "[{\"Name\": \"x\", \"Id\": \"../containers/json\", \"Driver\": \"mdnp\"}]");

        assertThatThrownBy(() -> networksOf(stub.dockerHost()))
                .isInstanceOf(DockerEngineException.class)
                .hasMessageContaining("unusable id \"../containers/json\"");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void missingSocketFailsNamingTheSocketWithAHint() {
        Path missing = stub.socket().resolveSibling("missing.sock");

        assertThatThrownBy(() -> networksOf("unix://" + missing))
                .isInstanceOf(DockerEngineException.class)
                .hasMessageContaining("cannot talk to docker engine at " + missing)
                .hasMessageContaining("No such file or directory")
                .hasMessageContaining(HINT);
    }

    @Test
    void socketNobodyListensOnFailsWithAHint() throws IOException {
        Path stale = stub.socket().resolveSibling("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(stale));
        }
        try {
            assertThatThrownBy(() -> networksOf("unix://" + stale))
                    .isInstanceOf(DockerEngineException.class)
                    .hasMessageContaining("cannot talk to docker engine at " + stale)
                    .hasMessageContaining("Connection refused")
                    .hasMessageContaining(HINT);
        } finally {
            Files.delete(stale);
        }
    }

    @Test
    void engineThatNeverAnswersTimesOut() {
        stub.answerNothing();

        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), Duration.ofMillis(200))) {
            assertThatThrownBy(() -> engine.networksOfDriver(DRIVER))
                    .isInstanceOf(DockerEngineException.class)
                    .hasMessageContaining("docker engine at " + stub.socket() + " did not answer GET /v1.41/networks")
                    .hasMessageEndingWith("within 200 ms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:2375", "/var/run/docker.sock", "unix://var/run/docker.sock", "unix://",
            "npipe:////./pipe/docker_engine", "ssh://me@host", ""})
    void dockerHostThatIsNoUnixSocketPathIsRejected(String dockerHost) {
        assertThatThrownBy(() -> DockerEngine.connect(dockerHost, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unix:///")
                .hasMessageContaining("\"" + dockerHost + "\"");
    }

    @Test
    void timeoutUnderAMillisecondIsRejected() {
        assertThatThrownBy(() -> DockerEngine.connect(stub.dockerHost(), Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 ms");
    }

    @Test
    void containerHasItsNameWithoutTheSlashAndItsAliasesWithoutItsNameAndShortId() {
        stub.reply("/v1.41/containers/" + CONTAINER + "/json", 200, INSPECT_CONTAINER);

        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            assertThat(engine.container(CONTAINER)).contains(new DockerContainer(CONTAINER, "web", List.of(
                    new DockerAttachment(NET_A, "front", ENDPOINT_1, List.of("www")),
                    new DockerAttachment("b0", "back", "", List.of()))));
        }
    }

    @Test
    void containerTheEngineDoesNotKnowIsEmpty() {
        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            assertThat(engine.container(CONTAINER)).isEmpty();
        }
    }

    @Test
    void containerIdThatWouldChangeTheRequestPathIsRejected() {
        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            assertThatThrownBy(() -> engine.container("../networks"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void eventsAreHandedOverAsTheyComeAfterTheOpenedCallbackUntilTheStreamEnds() {
        stub.streamThenClose(
                """
                {"Type":"network","Action":"connect","Actor":{"ID":"%s","Attributes":{"container":"%s",\
                "name":"front","type":"mdnp"}},"scope":"local","time":1700000000,"timeNano":1700000000000000000}
                """.formatted(NET_A, CONTAINER),
                """
                {"status":"rename","id":"%1$s","Type":"container","Action":"rename","Actor":{"ID":"%1$s",\
                "Attributes":{"name":"web2","oldName":"/web"}}}
                {"Type":"container","Action":"destroy","Actor":{"ID":"%1$s"}}
                """.formatted(CONTAINER));
        List<Object> seen = new ArrayList<>();

        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            engine.followEvents(() -> seen.add("opened"), seen::add);
        }

        assertThat(seen).containsExactly("opened",
                new DockerEvent("network", "connect", NET_A, Map.of("container", CONTAINER, "name", "front",
                        "type", "mdnp")),
                new DockerEvent("container", "rename", CONTAINER, Map.of("name", "web2", "oldName", "/web")),
                new DockerEvent("container", "destroy", CONTAINER, Map.of()));
    }

    @Test
    void eventStreamAsksForNetworkAndContainerEventsThatChangeNames() throws InterruptedException {
        stub.streamThenClose();

        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            engine.followEvents(() -> { }, event -> { });
        }

        StubHttpServer.Request request = stub.nextRequest();
        assertThat(request.path()).isEqualTo("/v1.41/events");
        assertThat(request.decodedQuery()).startsWith("filters=").contains("\"type\":[\"network\",\"container\"]")
                .contains("\"event\":[\"create\",\"destroy\",\"connect\",\"disconnect\",\"rename\"]");
    }

    @Test
    void unreadableEventBreaksTheStream() {
        stub.streamThenClose("{\"Type\": [\n");

        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            assertThatThrownBy(() -> engine.followEvents(() -> { }, event -> { }))
                    .isInstanceOf(DockerEngineException.class)
                    .hasMessageContaining("event stream of docker engine at " + stub.socket());
        }
    }

    @Test
    void closingTheEngineBreaksAStreamBeingFollowed() throws InterruptedException {
        stub.streamThenHold();
        DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT);
        List<Throwable> failures = new ArrayList<>();
        Thread follower = new Thread(() -> {
            try {
                engine.followEvents(engine::close, event -> { });
            } catch (DockerEngineException e) {
                failures.add(e);
            }
        });
        follower.start();
        follower.join(TIMEOUT.toMillis());

        assertThat(follower.isAlive()).isFalse();
        assertThat(failures).singleElement().isInstanceOf(DockerEngineException.class);
    }

    private static List<DockerNetwork> networksOf(String dockerHost) {
        try (DockerEngine engine = DockerEngine.connect(dockerHost, TIMEOUT)) {
            return engine.networksOfDriver(DRIVER);
        }
    }
}
