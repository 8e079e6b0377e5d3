package dev.mdnp.daemon.cli;

import static dev.mdnp.daemon.testsupport.InspectBodies.CLOCK;
import static dev.mdnp.daemon.testsupport.InspectBodies.EP2_ID;
import static dev.mdnp.daemon.testsupport.InspectBodies.EP_ID;
import static dev.mdnp.daemon.testsupport.InspectBodies.NET_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.CommandRun;
import dev.mdnp.daemon.testsupport.InspectBodies;
import dev.mdnp.model.client.StubHttpServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mdnp containers} against a stub inspect socket: one row per interface, problems under the table. */
class ContainersCommandTest {

    /** A named container whose eth0 was read, and one Docker has not named whose namespace is gone. */
    private static final String CONTAINERS = """
            [{"sandboxKey":"/var/run/docker/netns/abc",
              "container":{"id":"c0ffee00c0ffee00","name":"web","aliases":["www"]},
              "interfaces":[{"endpointId":"%s","networkId":"%s","name":"eth0","mac":"02:42:0a:4d:00:02",
                             "operState":"UP","rxBytes":378,"txBytes":2048,"problem":""}]},
             {"sandboxKey":"/var/run/docker/netns/def","container":{"id":"","name":"","aliases":[]},
              "interfaces":[{"endpointId":"%s","networkId":"%s","name":"","mac":"02:42:0a:4d:00:03",
                             "operState":"","rxBytes":0,"txBytes":0,
                             "problem":"the container's namespace is gone: /var/run/docker/netns/def does not exist"}]}]
            """.formatted(EP_ID, NET_ID, EP2_ID, NET_ID);

    private StubHttpServer daemon;
    private String socket;

    @BeforeEach
    void start() throws IOException {
        daemon = StubHttpServer.start();
        socket = daemon.socket().toString();
        daemon.reply("/v1/containers", 200, CONTAINERS);
        daemon.reply("/v1/networks", 200, InspectBodies.NETWORKS);
        daemon.reply("/v1/endpoints", 200, InspectBodies.ENDPOINTS);
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
    }

    @Test
    void eachInterfaceIsARowWithItsNetworkAddressStateAndTrafficAndUnreadOnesSayWhy() {
        CommandRun run = CommandRun.of(new ContainersCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(String.join("\n",
                "CONTAINER     INTERFACE   NETWORK        ADDRESS        STATE    RX     TX",
                "web           eth0        8f6511a52af0   10.77.0.2/24   UP       378B   2.0KiB",
                "sandbox def   ?           8f6511a52af0   10.77.0.3/24   unread   -      -",
                "",
                "unread: sandbox def, endpoint 9c8d7e6f5a4b: the container's namespace is gone:"
                        + " /var/run/docker/netns/def does not exist",
                ""));
    }

    @Test
    void aNetworkDockerNamedShowsByItsName() {
        daemon.reply("/v1/networks", 200, InspectBodies.NETWORKS.replace("\"bridge\":\"mdnpb8f6511a52a\"",
                "\"name\":\"front\",\"bridge\":\"mdnpb8f6511a52a\""));

        CommandRun run = CommandRun.of(new ContainersCommand(CLOCK), "--inspect-socket", socket);

        assertThat(run.out().lines().skip(1).limit(2)).allSatisfy(row -> assertThat(row).contains(" front "));
    }

    @Test
    void jsonIsTheDaemonsAnswerAsReceived() {
        CommandRun run = CommandRun.of(new ContainersCommand(CLOCK), "--inspect-socket", socket, "--json");

        assertThat(run.out()).isEqualTo(CONTAINERS);
    }
}
