package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.HostFirewall;
import dev.mdnp.daemon.testsupport.HostLinks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two mdnp daemons (two plugin names, two state directories) on one host, as a demo, a test run or a second plugin
 * next to a serving one makes them (issue 14): each serves networks with running containers, and each is restarted and
 * killed while the other's containers keep talking. Each daemon marks its links with its own device group and its
 * rules with its own name, so neither's start, restore or stop touches the other's.
 */
@Tag("e2e")
class TwoDaemonsE2eTest {

    private static final String[] PING = {"ping", "-c", "2", "-W", "2"};

    @RegisterExtension
    final E2ePlugin first = E2ePlugin.withServeArgs("--reconcile-interval", "2s");

    @RegisterExtension
    final E2ePlugin second = E2ePlugin.withServeArgs("--reconcile-interval", "2s");

    @Test
    void eachDaemonsNetworksKeepWorkingWhileTheOtherIsRestartedOrKilled() throws Exception {
        String firstNetwork = first.network("--subnet", "10.231.70.0/24");
        String secondNetwork = second.network("--subnet", "10.231.71.0/24");
        String a1 = first.container(firstNetwork);
        String a2 = first.container(firstNetwork);
        String b1 = second.container(secondNetwork);
        String b2 = second.container(secondNetwork);
        assertReach(first, a1, "10.231.70.3", "10.231.70.1");
        assertReach(second, b1, "10.231.71.3", "10.231.71.1");
        List<String> links = HostLinks.names().stream().filter(name -> name.startsWith("mdnp")).toList();

        second.restartDaemon(); // its start restores: it must not take the first daemon's links for leftovers
        assertReach(first, a2, "10.231.70.2", "10.231.70.1");
        first.killDaemon();
        first.restartDaemon();
        assertReach(second, b2, "10.231.71.2", "10.231.71.1");
        second.killDaemon();
        second.restartDaemon();
        assertReach(first, a1, "10.231.70.3", "10.231.70.1");
        assertReach(second, b1, "10.231.71.3", "10.231.71.1");

        assertThat(HostLinks.names().stream().filter(name -> name.startsWith("mdnp")).toList())
                .as("no daemon deleted a link of the other").containsExactlyInAnyOrderElementsOf(links);
        assertThat(HostFirewall.networkRules()).as("each daemon tags its networks' rules with its name")
                .anyMatch(rule -> rule.contains("mdnp:" + first.name() + ":"))
                .anyMatch(rule -> rule.contains("mdnp:" + second.name() + ":"));
    }

    @Test
    void aDaemonStoppedForGoodLeavesTheOthersRulesAndChains() throws Exception {
        String secondNetwork = second.network("--subnet", "10.231.72.0/24");
        String b1 = second.container(secondNetwork);
        String b2 = second.container(secondNetwork);
        first.network("--subnet", "10.231.73.0/24");
        first.removeAll();

        first.daemon().close(); // SIGTERM without networks: it removes mdnp's chains only if no one has rules in them

        assertThat(HostFirewall.networkRules()).isNotEmpty()
                .allMatch(rule -> rule.contains("mdnp:" + second.name() + ":"));
        assertReach(second, b1, "10.231.72.3", "10.231.72.1");
        assertThat(second.docker().run("exec", b2, "ping", "-c", "1", "-W", "2", "10.231.72.2").exitCode()).isZero();
        first.restartDaemon(); // for its own clean-up
    }

    private static void assertReach(E2ePlugin plugin, String container, String... addresses) throws Exception {
        for (String address : addresses) {
            List<String> command = new ArrayList<>(List.of("exec", container));
            command.addAll(List.of(PING));
            command.add(address);
            assertThat(plugin.docker().run(command.toArray(String[]::new)).exitCode())
                    .as("%s reaches %s", container, address).isZero();
        }
    }
}
