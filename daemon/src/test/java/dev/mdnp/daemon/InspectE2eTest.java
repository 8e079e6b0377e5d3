package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.RequestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The introspection channel of a real daemon driven by a real Docker engine: the request log, the state and kernel
 * views, the event stream and the CLI, all read over the daemon's own inspect socket.
 */
@Tag("e2e")
class InspectE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    @Test
    void theRequestLogHoldsTheCallsOfANetworkAndAContainerInOrderWithTimingsAndKernelOps() throws Exception {
        String network = plugin.network("--subnet", "10.231.60.0/24");
        String container = plugin.container(network);
        String networkId = plugin.docker().ok("network", "inspect", "--format", "{{.Id}}", network);

        try (InspectClient client = InspectClient.connect(inspectSocket(), WAIT)) {
            List<RequestRecord> records = client.requests(0, 1000);
            List<String> methods = records.stream().map(RequestRecord::method).toList();
            assertThat(methods).containsSubsequence("NetworkDriver.CreateNetwork", "NetworkDriver.CreateEndpoint",
                    "NetworkDriver.Join");
            assertThat(records).extracting(RequestRecord::seq).isSorted().doesNotHaveDuplicates();
            RequestRecord create = records.stream()
                    .filter(r -> r.method().equals("NetworkDriver.CreateNetwork")).findFirst().orElseThrow();
            assertThat(create.networkId()).isEqualTo(networkId);
            assertThat(create.status()).isEqualTo(200);
            assertThat(create.requestJson()).contains(networkId, "10.231.60.0/24");
            assertThat(create.durationMicros()).isPositive();
            assertThat(create.kernelOps()).extracting(op -> op.target()).contains("mdnpb" + networkId.substring(0, 10));
            assertThat(create.phases().storeMicros()).as("CreateNetwork commits to the store").isPositive();
            RequestRecord endpoint = records.stream()
                    .filter(r -> r.method().equals("NetworkDriver.CreateEndpoint")).findFirst().orElseThrow();
            assertThat(endpoint.kernelOps()).isNotEmpty();

            EndpointView joined = client.endpoints().stream().filter(e -> e.networkId().equals(networkId))
                    .findFirst().orElseThrow();
            assertThat(joined.joined()).isTrue();
            assertThat(joined.ipv4Address()).startsWith("10.231.60.");
            assertThat(plugin.exec(container, "ip", "-o", "-4", "addr", "show", "eth0"))
                    .contains(joined.ipv4Address());

            List<LinkView> links = client.links();
            assertThat(links).filteredOn(link -> link.name().equals("mdnpb" + networkId.substring(0, 10)))
                    .singleElement().satisfies(bridge -> {
                        assertThat(bridge.kind()).isEqualTo("bridge");
                        assertThat(bridge.drift()).isEqualTo(Drift.NONE);
                    });
            assertThat(links).filteredOn(link -> link.name().equals(joined.hostIfName()))
                    .singleElement().satisfies(veth -> {
                        assertThat(veth.master()).isEqualTo("mdnpb" + networkId.substring(0, 10));
                        assertThat(veth.drift()).isEqualTo(Drift.NONE);
                    });
            assertThat(client.networks()).extracting(n -> n.id()).contains(networkId);
            assertThat(client.metricsText()).contains("mdnp_");
        }
    }

    @Test
    void theEventStreamAndTheCliFollowCallsLive() throws Exception {
        List<InspectEvent> events = new CopyOnWriteArrayList<>();
        Path cliOut = Files.createTempFile("mdnp-log-f-", ".txt");
        Process follow = new ProcessBuilder(javaCommand("log", "-f", "--inspect-socket", inspectSocket().toString()))
                .redirectErrorStream(true).redirectOutput(cliOut.toFile()).start();
        try (InspectClient client = InspectClient.connect(inspectSocket(), WAIT);
                var subscription = client.subscribe(0, events::add, state -> { });
                UnixHttpClient api = UnixHttpClient.connect(plugin.daemon().socket())) {
            // The CLI follows from the moment it is connected: a call it prints shows it is.
            await().atMost(WAIT).untilAsserted(() -> {
                api.post("/NetworkDriver.GetCapabilities", "{}");
                assertThat(Files.readString(cliOut)).contains("NetworkDriver.GetCapabilities");
            });
            String network = plugin.network("--subnet", "10.231.61.0/24");
            plugin.container(network);
            String bridge = "mdnpb" + plugin.docker().ok("network", "inspect", "--format", "{{.Id}}", network)
                    .substring(0, 10);

            await().atMost(WAIT).untilAsserted(() -> assertThat(events)
                    .filteredOn(InspectEvent.Request.class::isInstance)
                    .extracting(e -> ((InspectEvent.Request) e).record().method())
                    .containsSubsequence("NetworkDriver.CreateNetwork", "NetworkDriver.CreateEndpoint",
                            "NetworkDriver.Join"));
            // The kernel's own notifications (RTMGRP_LINK): the bridge appeared, and a veth end became its port.
            await().atMost(WAIT).untilAsserted(() -> {
                List<InspectEvent.LinkChange> linkChanges = events.stream()
                        .filter(InspectEvent.LinkChange.class::isInstance).map(InspectEvent.LinkChange.class::cast)
                        .toList();
                assertThat(linkChanges).anySatisfy(change -> {
                    assertThat(change.change()).isEqualTo("added");
                    assertThat(change.link().name()).isEqualTo(bridge);
                    assertThat(change.link().kind()).isEqualTo("bridge");
                });
                assertThat(linkChanges).anySatisfy(change -> {
                    assertThat(change.link().kind()).isEqualTo("veth");
                    assertThat(change.link().master()).isEqualTo(bridge);
                });
            });
            assertThat(events).extracting(InspectEvent::seq).isSorted().doesNotHaveDuplicates();
            await().atMost(WAIT).untilAsserted(() -> assertThat(Files.readString(cliOut))
                    .contains("NetworkDriver.CreateEndpoint", "NetworkDriver.Join"));
        } finally {
            follow.destroy();
            follow.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(cliOut);
        }
    }

    @Test
    void aThousandRapidCallsReachTheEventStreamInOrderWithoutGapsWhileAStalledClientHoldsItsStream()
            throws Exception {
        int calls = 1_000;
        List<Long> seqs = new CopyOnWriteArrayList<>();
        try (UnixHttpClient stalled = UnixHttpClient.connect(inspectSocket());
                InspectClient client = InspectClient.connect(inspectSocket(), WAIT)) {
            // Opens a stream and never reads it: the daemon must not wait for this client.
            stalled.send("GET /v1/events?after=0 HTTP/1.1\r\nHost: mdnp\r\n\r\n");
            CountDownLatch connected = new CountDownLatch(1);
            try (var subscription = client.subscribe(InspectClient.DAEMON_DEFAULT, event -> {
                if (event instanceof InspectEvent.Request request) {
                    seqs.add(request.record().seq());
                }
            }, state -> {
                if (state instanceof ConnectionState.Connected) {
                    connected.countDown();
                }
            }); UnixHttpClient api = UnixHttpClient.connect(plugin.daemon().socket())) {
                assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                for (int i = 0; i < calls; i++) {
                    assertThat(api.post("/NetworkDriver.GetCapabilities", "{}").status()).isEqualTo(200);
                }
                await().atMost(WAIT).until(() -> seqs.size() >= calls);
            }
            assertThat(seqs).hasSize(calls);
            for (int i = 1; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("record %d follows %d without a gap", i, i - 1)
                        .isEqualTo(seqs.get(i - 1) + 1);
            }
        }
    }

    @Test
    void theInspectSocketIsReadOnlyAndNotOpenToOthers() throws Exception {
        assertThat(Files.getPosixFilePermissions(inspectSocket())).doesNotContain(
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        try (UnixHttpClient client = UnixHttpClient.connect(inspectSocket())) {
            UnixHttpClient.Reply reply = client.post("/v1/networks", "{}");
            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.body()).contains("Err");
        }
    }

    private Path inspectSocket() {
        return plugin.daemon().launch().inspectSocket();
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", E2eEnvironment.daemonJar().toString()));
        command.addAll(List.of(args));
        return command;
    }
}
