package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** mdnp as Docker's IPAM driver too ({@code --ipam-driver}), with and without the user's subnet options. */
@Tag("e2e")
class IpamE2eTest {

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    @Test
    void withoutASubnetEachNetworkGetsItsOwnPoolAndContainersReachEachOther() throws Exception {
        String first = network();
        String second = network();
        String firstSubnet = subnet(first);

        assertThat(firstSubnet).isNotEmpty().isNotEqualTo(subnet(second));
        String a = container(first);
        String b = container(first);
        String addressOfB = ipv4(b);
        assertThat(docker().run("exec", a, "ping", "-c", "2", "-W", "2", addressOfB).exitCode()).isZero();
    }

    @Test
    void subnetIpRangeGatewayAndAuxAddressesAreHonoured() throws Exception {
        String network = network("--subnet", "10.231.20.0/24", "--ip-range", "10.231.20.128/25",
                "--gateway", "10.231.20.254", "--aux-address", "printer=10.231.20.10");
        String container = container(network);

        assertThat(ipv4(container)).startsWith("10.231.20.").satisfies(address ->
                assertThat(Integer.parseInt(address.substring("10.231.20.".length()))).isBetween(128, 253));
        assertThat(exec(container, "ip", "route")).contains("default via 10.231.20.254");
        assertThat(container(network, "--ip", "10.231.20.200")).isNotEmpty();
    }

    @Test
    void ipv6NetworksGiveContainersBothFamilies() throws Exception {
        String network = network("--ipv6", "--subnet", "10.231.21.0/24", "--subnet", "fd31:21::/64");
        String container = container(network);

        assertThat(exec(container, "ip", "-o", "-6", "addr", "show", "dev", "eth0")).contains("fd31:21::");
        assertThat(ipv4(container)).startsWith("10.231.21.");
    }

    @Test
    void aRemovedNetworksPoolCanBeRequestedAgain() throws Exception {
        String network = network("--subnet", "10.231.22.0/24");
        docker().ok("network", "rm", network);
        plugin.removed(network);

        assertThat(subnet(network("--subnet", "10.231.22.0/24"))).isEqualTo("10.231.22.0/24");
    }

    private DockerCli docker() {
        return plugin.docker();
    }

    private String network(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--ipam-driver", plugin.name()));
        args.addAll(Arrays.asList(options));
        return plugin.network(args.toArray(String[]::new));
    }

    private String subnet(String network) throws Exception {
        return docker().ok("network", "inspect", "--format", "{{(index .IPAM.Config 0).Subnet}}", network);
    }

    private String container(String network, String... options) throws Exception {
        return plugin.container(network, options);
    }

    private String exec(String container, String... command) throws Exception {
        return plugin.exec(container, command);
    }

    private String ipv4(String container) throws Exception {
        return exec(container, "ip", "-o", "-4", "addr", "show", "dev", "eth0").replaceAll(".*inet ([0-9.]+)/.*", "$1");
    }
}
