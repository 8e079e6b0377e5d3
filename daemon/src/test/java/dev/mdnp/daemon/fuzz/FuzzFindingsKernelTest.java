package dev.mdnp.daemon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@link PluginApiFuzzKernelTest} found that needs the real dataplane, each pinned by a plain test on the
 * fuzzer's daemon (real store, kernel and firewall in a private network namespace) and {@link Baseline}.
 */
@Tag("kernel")
class FuzzFindingsKernelTest {

    private FuzzedDaemon daemon;
    private PluginClient client;

    @BeforeEach
    void startDaemonWithTheBaseline() throws Exception {
        daemon = FuzzedDaemon.start();
        client = new PluginClient(daemon.socket());
        new Baseline().build(daemon, this::post);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void aProgramThatFailsKeepsThePortsTheEndpointHadPublished() throws Exception {
        SystemState before = daemon.state(true);
        List<String> firewallBefore = daemon.firewall();
        String twice = """
                {"Proto": 6, "IP": "", "Port": 80, "HostIP": "", "HostPort": 8080, "HostPortEnd": 8080}""";

        Reply reply = post(Routes.PROGRAM, "{\"NetworkID\": \"" + Baseline.N2 + "\", \"EndpointID\": \""
                + Baseline.E2 + "\", \"Options\": {\"com.docker.network.portmap\": [" + twice + ", " + twice + "]}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("port 8080", "already published");
        assertThat(daemon.state(true).changesSince(before)).as("store, views, links and held ports").isEmpty();
        assertThat(daemon.firewall()).isEqualTo(firewallBefore);
    }

    private Reply post(String route, String body) throws java.io.IOException {
        return client.post(route, body.getBytes(StandardCharsets.UTF_8), false);
    }
}
