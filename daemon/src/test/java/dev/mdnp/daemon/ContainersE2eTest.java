package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.EndpointView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /v1/containers} of a real daemon driven by a real Docker engine: a container on two mdnp networks is one
 * container with {@code eth0} and {@code eth1}, read inside its namespace, whose counters follow a ping.
 */
@Tag("e2e")
class ContainersE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    @Test
    void aContainerOnTwoNetworksIsOneContainerWithEth0AndEth1WhoseCountersRiseAfterAPing() throws Exception {
        String front = plugin.network("--subnet", "10.231.84.0/24");
        String back = plugin.network("--subnet", "10.231.85.0/24");
        String web = plugin.container(front);
        plugin.docker().ok("network", "connect", back, web);
        String peer = plugin.container(back);
        String frontId = plugin.docker().ok("network", "inspect", "--format", "{{.Id}}", front);
        String backId = plugin.docker().ok("network", "inspect", "--format", "{{.Id}}", back);
        String sandboxKey = plugin.docker().ok("inspect", "--format", "{{.NetworkSettings.SandboxKey}}", web);

        try (InspectClient client = InspectClient.connect(inspectSocket(), WAIT)) {
            ContainerView container = await().atMost(WAIT).until(() -> webOf(client, sandboxKey),
                    view -> view.isPresent() && view.get().interfaces().size() == 2
                            && view.get().interfaces().stream().allMatch(i -> i.operState().equals("UP")))
                    .orElseThrow();
            assertThat(client.containers()).as("web and the peer, each once").hasSize(2)
                    .filteredOn(view -> view.sandboxKey().equals(sandboxKey)).hasSize(1);
            assertThat(container.interfaces()).extracting(ContainerInterfaceView::name,
                    ContainerInterfaceView::networkId, ContainerInterfaceView::problem)
                    .containsExactly(tuple("eth0", frontId, ""),
                            tuple("eth1", backId, ""));
            ContainerInterfaceView before = container.interfaces().get(1);
            String webOnBack = client.endpoints().stream().filter(e -> e.id().equals(before.endpointId()))
                    .map(EndpointView::ipv4Address).findFirst().orElseThrow();

            plugin.exec(peer, "ping", "-c", "3", "-W", "2", webOnBack.substring(0, webOnBack.indexOf('/')));

            await().atMost(WAIT).untilAsserted(() -> {
                ContainerInterfaceView after = webOf(client, sandboxKey).orElseThrow().interfaces().get(1);
                assertThat(after.rxBytes()).as("eth1 received the echo requests").isGreaterThan(before.rxBytes());
                assertThat(after.txBytes()).as("eth1 sent the replies").isGreaterThan(before.txBytes());
            });
        }
        assertThat(cli("containers", "--inspect-socket", inspectSocket().toString()))
                .contains("CONTAINER", " eth0 ", " eth1 ", "UP");
    }

    private static Optional<ContainerView> webOf(InspectClient client, String sandboxKey) {
        return client.containers().stream().filter(view -> view.sandboxKey().equals(sandboxKey)).findFirst();
    }

    private Path inspectSocket() {
        return plugin.daemon().launch().inspectSocket();
    }

    private static String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", E2eEnvironment.daemonJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
