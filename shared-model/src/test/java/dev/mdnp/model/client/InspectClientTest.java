package dev.mdnp.model.client;

import static dev.mdnp.model.client.SampleBodies.EP_ID;
import static dev.mdnp.model.client.SampleBodies.NET_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.model.client.InspectException.Reason;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PortView;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InspectClientTest {

    @RegisterExtension
    final StubInspectDaemon stub = new StubInspectDaemon();

    @Test
    void infoIsDecodedIgnoringUnknownMembers() {
        stub.server().reply("/v1/info", 200, SampleBodies.INFO);

        InfoView info = stub.client().info();

        assertThat(info.name()).isEqualTo("mdnp");
        assertThat(info.startedAt()).isEqualTo(Instant.parse("2026-11-28T21:00:00Z"));
        assertThat(info.lastSeq()).isEqualTo(42);
        assertThat(stub.server().requests()).singleElement()
                .satisfies(request -> assertThat(request.header("Host")).isEqualTo("mdnp"));
    }

    @Test
    void listsAreDecodedIntoTheirViews() {
        stub.server().reply("/v1/networks", 200, SampleBodies.array(SampleBodies.NETWORK));
        stub.server().reply("/v1/endpoints", 200, SampleBodies.array(SampleBodies.ENDPOINT));
        stub.server().reply("/v1/links", 200, SampleBodies.array(SampleBodies.LINK));
        stub.server().reply("/v1/ipam/pools", 200, SampleBodies.array(SampleBodies.POOL));

        assertThat(stub.client().networks()).singleElement().satisfies(network -> {
            assertThat(network.id()).isEqualTo(NET_ID);
            assertThat(network.ipv4Subnets()).containsExactly("10.77.0.0/24");
            assertThat(network.options()).containsEntry("com.docker.network.driver.mtu", "1400");
        });
        assertThat(stub.client().endpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.id()).isEqualTo(EP_ID);
            assertThat(endpoint.joined()).isTrue();
            assertThat(endpoint.ports()).as("an older daemon's endpoint, without ports").isEmpty();
        });
        assertThat(stub.client().links()).singleElement().satisfies(link -> assertThat(link.drift()).isEqualTo(Drift.NONE));
        assertThat(stub.client().pools()).singleElement().satisfies(pool -> assertThat(pool.free()).isEqualTo(252));
    }

    @Test
    void publishedPortsAndMissingFirewallRulesAreDecoded() {
        stub.server().reply("/v1/endpoints", 200, SampleBodies.array(SampleBodies.ENDPOINT_WITH_PORTS));
        stub.server().reply("/v1/firewall", 200, SampleBodies.FIREWALL);

        assertThat(stub.client().endpoints()).singleElement().satisfies(endpoint -> assertThat(endpoint.ports())
                .extracting(PortView::text).containsExactly("0.0.0.0:32768->80/tcp", "127.0.0.1:18081->80/tcp"));
        assertThat(stub.client().firewall()).satisfiesExactly(
                base -> assertThat(base.missingRules()).isEmpty(),
                network -> {
                    assertThat(network.networkId()).isEqualTo(NET_ID);
                    assertThat(network.missingRules()).singleElement().asString().startsWith("iptables -t nat");
                });
        assertThat(stub.server().requests()).extracting(StubHttpServer.Request::target)
                .containsExactly("/v1/endpoints", "/v1/firewall");
    }

    @Test
    void oneNetworkIsAskedForByItsId() {
        stub.server().reply("/v1/networks/" + NET_ID, 200, SampleBodies.NETWORK);

        NetworkView network = stub.client().network(NET_ID);

        assertThat(network.bridge()).isEqualTo("mdnpb8f6511a52a");
    }

    @Test
    void aNetworkIdThatWouldChangeThePathIsRefused() {
        assertThatThrownBy(() -> stub.client().network("../info")).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.server().requests()).isEmpty();
    }

    @Test
    void requestsSendAfterAndLimit() throws InterruptedException {
        stub.server().reply("/v1/requests", 200, SampleBodies.array(
                SampleBodies.record(5, "NetworkDriver.Join", 200, ""),
                SampleBodies.record(6, "NetworkDriver.Leave", 500, "boom")));

        List<RequestRecord> records = stub.client().requests(4, 2);

        assertThat(records).extracting(RequestRecord::seq).containsExactly(5L, 6L);
        assertThat(records.get(1).error()).isEqualTo("boom");
        assertThat(records.get(0).kernelOps()).hasSize(1);
        assertThat(stub.server().nextRequest().target()).isEqualTo("/v1/requests?after=4&limit=2");
    }

    @Test
    void metricsAreReturnedAsText() {
        stub.server().reply("/metrics", 200, "text/plain; version=0.0.4", "mdnp_requests_total 42\n");

        assertThat(stub.client().metricsText()).isEqualTo("mdnp_requests_total 42\n");
    }

    @Test
    void getTextReturnsTheBodyAsSent() {
        stub.server().reply("/v1/networks", 200, "[ ]\n");

        assertThat(stub.client().getText("/v1/networks")).isEqualTo("[ ]\n");
    }

    @Test
    void anErrorReplyCarriesStatusAndErrText() {
        stub.server().reply("/v1/networks/abc", 404, "{\"Err\":\"no network abc\"}");

        assertThatThrownBy(() -> stub.client().network("abc"))
                .isInstanceOfSatisfying(InspectException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ERROR_REPLY);
                    assertThat(e.answered()).isTrue();
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.daemonError()).isEqualTo("no network abc");
                    assertThat(e.getMessage()).isEqualTo("mdnp at " + stub.server().socket()
                            + " answered GET /v1/networks/abc with 404: no network abc");
                });
    }

    @Test
    void aPlainTextErrorBodyIsQuoted() {
        stub.server().reply("/v1/info", 500, "text/plain", "internal trouble\n");

        assertThatThrownBy(() -> stub.client().info())
                .isInstanceOfSatisfying(InspectException.class,
                        e -> assertThat(e.daemonError()).isEqualTo("internal trouble"));
    }

    @Test
    void anUnreadableBodyIsAnAnsweredFailure() {
        stub.server().reply("/v1/info", 200, "{\"name\":");

        assertThatThrownBy(() -> stub.client().info())
                .isInstanceOfSatisfying(InspectException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
                    assertThat(e.getMessage()).startsWith("mdnp at " + stub.server().socket()
                            + " sent an unreadable body for GET /v1/info");
                });
    }

    @Test
    void aMissingSocketSaysWhatToCheck() throws IOException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "insp");
        Path missing = directory.resolve("none.sock");
        try (InspectClient nowhere = InspectClient.connect(missing, Duration.ofSeconds(2))) {
            assertThatThrownBy(nowhere::info)
                    .isInstanceOfSatisfying(InspectException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                        assertThat(e.answered()).isFalse();
                        assertThat(e.status()).isZero();
                        assertThat(e.getMessage())
                                .startsWith("cannot reach mdnp at " + missing + " for GET /v1/info: ")
                                .endsWith("(is mdnp running? is --inspect-socket right?)");
                    });
        } finally {
            Files.delete(directory);
        }
    }

    @Test
    void aStaleSocketNobodyServesIsUnreachable() throws IOException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "insp");
        Path socket = directory.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket));
        }
        try (InspectClient stale = InspectClient.connect(socket, Duration.ofSeconds(2))) {
            assertThatThrownBy(stale::info)
                    .isInstanceOfSatisfying(InspectException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                        assertThat(e.getMessage()).contains(socket.toString());
                    });
        } finally {
            Files.deleteIfExists(socket);
            Files.delete(directory);
        }
    }

    @Test
    void requestsRefuseANegativeAfter() {
        assertThatThrownBy(() -> stub.client().requests(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stub.client().requests(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
