package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.HostLinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Containers on mdnp networks, on the private engine with iptables on and the FORWARD policy DROP, as on a fresh
 * default install: interfaces, addresses, routes, MTU, MAC, connect/disconnect, parallel starts, and no leftovers.
 */
@Tag("e2e")
class DataplaneE2eTest {

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    private Set<String> hostLinksBefore;

    @BeforeEach
    void rememberHostLinks() throws Exception {
        hostLinksBefore = HostLinks.names();
    }

    @AfterEach
    void checkNoLinkRemains() throws Exception {
        plugin.removeAll();
        // Veths are deleted in the background, off Docker's critical path: give the queue time to drain.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(HostLinks.names()).as("no link created by mdnp remains").isEqualTo(hostLinksBefore));
    }

    @Test
    void twoContainersGetTheirAddressAndDefaultRouteAndReachEachOther() throws Exception {
        String network = network("10.231.10.0/24");
        String a = container(network);
        String b = container(network);

        assertThat(exec(a, "ip", "-o", "-4", "addr", "show", "dev", "eth0")).contains("inet 10.231.10.2/24");
        assertThat(exec(b, "ip", "-o", "-4", "addr", "show", "dev", "eth0")).contains("inet 10.231.10.3/24");
        assertThat(exec(a, "ip", "route")).contains("default via 10.231.10.1 dev eth0");
        assertThat(docker().run("exec", a, "ping", "-c", "2", "-W", "2", "10.231.10.3").exitCode()).isZero();
        assertThat(docker().run("exec", b, "ping", "-c", "2", "-W", "2", "10.231.10.2").exitCode()).isZero();
        assertThat(docker().run("exec", a, "ping", "-c", "1", "-W", "2", "10.231.10.1").exitCode())
                .as("the gateway on the bridge answers").isZero();
    }

    @Test
    void mtuOptionStaticAddressAndMacAddressAreHonoured() throws Exception {
        String network = network("10.231.11.0/24", "-o", "com.docker.network.driver.mtu=1400");
        String container = container(network, "--ip", "10.231.11.77", "--mac-address", "02:11:22:33:44:55");

        String link = exec(container, "ip", "-o", "link", "show", "dev", "eth0");
        assertThat(link).contains("mtu 1400").contains("link/ether 02:11:22:33:44:55");
        assertThat(exec(container, "ip", "-o", "-4", "addr", "show", "dev", "eth0")).contains("inet 10.231.11.77/24");
    }

    @Test
    void connectAndDisconnectOfARunningContainerAddAndRemoveEth1() throws Exception {
        String first = network("10.231.12.0/24");
        String second = network("10.231.13.0/24");
        String container = container(first);

        docker().ok("network", "connect", second, container);
        assertThat(exec(container, "ip", "-o", "-4", "addr", "show", "dev", "eth1")).contains("inet 10.231.13.2/24");

        docker().ok("network", "disconnect", second, container);
        assertThat(docker().run("exec", container, "ip", "link", "show", "dev", "eth1").exitCode()).isNotZero();
    }

    @Test
    void tenParallelStartsOnOneNetworkAllGetDistinctAddressesAndInterfaces() throws Exception {
        String network = network("10.231.14.0/24");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<String>> started = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                started.add(pool.submit(() -> container(network)));
            }
            Set<String> addresses = new TreeSet<>();
            for (Future<String> container : started) {
                addresses.add(exec(container.get(), "ip", "-o", "-4", "addr", "show", "dev", "eth0")
                        .replaceAll(".*inet (\\S+).*", "$1"));
            }
            assertThat(addresses).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        String bridge = plugin.docker().ok("network", "inspect", "--format", "{{.Id}}", network).substring(0, 10);
        assertThat(HostLinks.names()).filteredOn(link -> link.startsWith("mdnph")).hasSize(10);
        assertThat(HostLinks.names()).contains("mdnpb" + bridge);
    }

    private DockerCli docker() {
        return plugin.docker();
    }

    private String network(String subnet, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--subnet", subnet));
        args.addAll(Arrays.asList(options));
        return plugin.network(args.toArray(String[]::new));
    }

    private String container(String network, String... options) throws Exception {
        return plugin.container(network, options);
    }

    private String exec(String container, String... command) throws Exception {
        return plugin.exec(container, command);
    }

}
