package dev.mdnp.daemon.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.model.client.StubHttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link DockerEngine} reads for Docker's names, against {@link StubHttpServer}: a container's name and aliases
 * per network, and the event stream.
 */
class DockerEngineNamesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String CONTAINER = "c1d2e3f4a5b6" + "7".repeat(52);
    private static final String NET = "1a2b3c4d5e6f" + "0".repeat(52);
    private static final String ENDPOINT = "e1" + "5".repeat(62);

    /** As Docker 26.1 answers a v1.41 inspect: the short id among the aliases, DNSNames beside them. */
    private static final String INSPECT = """
            {"Id": "%1$s", "Name": "/web", "State": {"Running": true},
             "NetworkSettings": {"Networks": {
               "front": {"NetworkID": "%2$s", "EndpointID": "%3$s", "Aliases": ["www", "c1d2e3f4a5b6", "web"],
                         "DNSNames": ["web", "www", "c1d2e3f4a5b6"], "IPAddress": "10.0.0.2"},
               "back": {"NetworkID": "b0", "EndpointID": "", "Aliases": null},
               "gone": null
             }}}
            """.formatted(CONTAINER, NET, ENDPOINT);

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
    void containerHasItsNameWithoutTheSlashAndItsAliasesWithoutItsNameAndShortId() {
        stub.reply("/v1.41/containers/" + CONTAINER + "/json", 200, INSPECT);

        try (DockerEngine engine = DockerEngine.connect(stub.dockerHost(), TIMEOUT)) {
            assertThat(engine.container(CONTAINER)).contains(new DockerContainer(CONTAINER, "web", List.of(
                    new DockerAttachment(NET, "front", ENDPOINT, List.of("www")),
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
                """.formatted(NET, CONTAINER),
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
                new DockerEvent("network", "connect", NET, Map.of("container", CONTAINER, "name", "front",
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
}
