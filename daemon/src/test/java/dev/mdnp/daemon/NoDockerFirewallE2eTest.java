package dev.mdnp.daemon;

import static dev.mdnp.daemon.testsupport.DockerHostNamespaces.HOST_ADDRESS;
import static dev.mdnp.daemon.testsupport.DockerHostNamespaces.OUTSIDE_ADDRESS;
import static dev.mdnp.daemon.testsupport.NamespacedDockerHost.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.NamespacedDockerHost;
import dev.mdnp.daemon.testsupport.NetnsShell;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bridge parity on a host whose dockerd leaves the firewall alone ({@code --iptables=false --ip6tables=false}, and
 * {@code --ip-forward=false}, so that forwarding stays off until someone needs it), with FORWARD policy DROP as a
 * cautious admin keeps it (issue 13): mdnp's firewall is its own and must not lean on anything of Docker's. The host
 * is a network namespace with its own engine and an outside host behind its uplink that has no route back to any
 * container ({@link NamespacedDockerHost}); the machine's own engines are not used. After each test no rule of an
 * mdnp network and no mdnp link is left (checked by the extension). Every probe is bounded: {@code nc -w 2} under
 * {@code timeout 5}, {@code ping -c 1 -W 2}. The first test checks the premise, that Docker's firewall really is off;
 * no test depends on another having run.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoDockerFirewallE2eTest {

    /** A server answers once its container runs and mdnp's rules are in; the rest is slack for a loaded machine. */
    private static final Duration ANSWERS = Duration.ofSeconds(20);
    private static final String FORWARDING_LOG = "enabled forwarding for mdnp's networks: net.ipv4.ip_forward=1";

    @RegisterExtension
    static final NamespacedDockerHost host = NamespacedDockerHost.withDockerdArgs(
            "--iptables=false", "--ip6tables=false", "--ip-forward=false");

    @Test
    @Order(1)
    void dockerHasNoChainOrRuleInTheHostsFirewallAndForwardingIsDropped() throws Exception {
        List<String> rules = host.namespaces().rules();

        assertThat(rules).as("chains of iptables-save and ip6tables-save")
                .filteredOn(line -> line.startsWith(":"))
                .noneMatch(chain -> chain.startsWith(":DOCKER"));
        assertThat(rules).noneMatch(line -> line.contains("-j DOCKER"));
        for (String iptables : List.of("iptables", "ip6tables")) {
            assertThat(host.inHost().ok(iptables, "-S", "FORWARD").lines().findFirst()).as(iptables)
                    .hasValue("-P FORWARD DROP");
        }
    }

    @Test
    void mdnpTurnsOnIpv4ForwardingItselfAndLogsItOnce() throws Exception {
        assertThat(host.ipv4ForwardingBeforeMdnp()).as("net.ipv4.ip_forward before mdnp started").isEqualTo("0");

        host.network("--subnet", "10.233.1.0/24");
        host.network("--subnet", "10.233.2.0/24");

        assertThat(host.namespaces().ipv4Forwarding()).isEqualTo("1");
        assertThat(host.daemon().log().lines().filter(line -> line.contains(FORWARDING_LOG))).hasSize(1);
    }

    @Test
    void aContainerReachesTheOutsideHostThatHasNoRouteBackToIt() throws Exception {
        String network = host.network("--subnet", "10.233.3.0/24");
        String container = host.server(network);

        assertThat(host.inOutside().run("ip", "route", "get", host.ipv4(container, network)).succeeded())
                .as("the outside host has no route to the container: only a masqueraded packet gets an answer")
                .isFalse();
        await().atMost(ANSWERS).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(exec(container, "ping", "-c", "1", "-W", "2", OUTSIDE_ADDRESS).exitCode()).isZero());
    }

    @Test
    void containersOnTwoMdnpNetworksCannotReachEachOther() throws Exception {
        String first = host.network("--subnet", "10.233.4.0/24");
        String second = host.network("--subnet", "10.233.5.0/24");
        String onFirst = host.server(first);
        String onSecond = host.server(second);
        String onBoth = host.server(first);
        host.docker().ok("network", "connect", second, onBoth);
        String firstAddress = host.ipv4(onFirst, first);
        String secondAddress = host.ipv4(onSecond, second);

        // both servers answer: a container on both networks reaches each of them
        awaitAnswer(onBoth, firstAddress, onFirst);
        awaitAnswer(onBoth, secondAddress, onSecond);

        assertDropped(connect(onSecond, firstAddress));
        assertDropped(connect(onFirst, secondAddress));
    }

    @Test
    void anInternalNetworkKeepsItsContainersTogetherAndEverythingElseOut() throws Exception {
        String subnet = "10.233.6.0/24";
        String network = host.network("--internal", "--subnet", subnet);
        String one = host.server(network);
        String two = host.server(network, "--cap-add", "NET_ADMIN");
        String oneAddress = host.ipv4(one, network);

        awaitAnswer(two, oneAddress, one);
        assertThat(exec(two, "ip", "route").out()).as("no gateway on an internal network").doesNotContain("default");

        // Give the traffic a way out and back, so that only the firewall can stop it: a default route in the
        // container (via the bridge's address) and a route back to the network in the outside host.
        host.docker().ok("exec", two, "ip", "route", "add", "default", "via", "10.233.6.1");
        host.inOutside().ok("ip", "route", "add", subnet, "via", HOST_ADDRESS);
        try {
            assertThat(exec(two, "ping", "-c", "1", "-W", "2", OUTSIDE_ADDRESS).exitCode()).as("out").isNotZero();
            assertDropped(probe(host.inOutside(), oneAddress, SERVER_PORT));
        } finally {
            host.inOutside().ok("ip", "route", "del", subnet);
        }
    }

    @Test
    void aPublishedPortAnswersFromTheOutsideFromTheHostItselfAndFromContainersThroughTheHostsAddress()
            throws Exception {
        String network = host.network("--subnet", "10.233.7.0/24");
        String other = host.network("--subnet", "10.233.9.0/24");
        String web = host.server(network, "-p", "8080:" + SERVER_PORT);
        String neighbour = host.server(network);
        String stranger = host.server(other);

        awaitAnswer(host.inOutside(), HOST_ADDRESS, 8080, web);
        awaitAnswer(host.inHost(), "127.0.0.1", 8080, web);
        awaitAnswer(host.inHost(), HOST_ADDRESS, 8080, web);
        awaitAnswer(neighbour, HOST_ADDRESS, 8080, web);
        awaitAnswer(stranger, HOST_ADDRESS, 8080, web);
    }

    @Test
    void removingTheContainerAndThenItsNetworkLeavesNoRuleOfThem() throws Exception {
        String network = host.network("--subnet", "10.233.8.0/24");
        String bridge = host.bridgeOf(network);
        String web = host.server(network, "-p", "8081:" + SERVER_PORT);
        awaitAnswer(host.inOutside(), HOST_ADDRESS, 8081, web);
        assertThat(host.namespaces().rulesOf(bridge)).anyMatch(rule -> rule.contains("--dport 8081"))
                .anyMatch(rule -> rule.contains("MASQUERADE"));

        host.docker().ok("rm", "-f", web);
        host.removedContainer(web);

        assertThat(host.namespaces().rulesOf(bridge)).as("the network's rules stay, its port's go")
                .noneMatch(rule -> rule.contains("--dport 8081"))
                .anyMatch(rule -> rule.contains("MASQUERADE"));
        assertThat(probe(host.inOutside(), HOST_ADDRESS, 8081).out()).as("nothing answers on 8081").isEmpty();

        host.docker().ok("network", "rm", network);
        host.removedNetwork(network);

        assertThat(host.namespaces().rulesOf(bridge)).isEmpty();
        assertThat(host.namespaces().links()).doesNotContain(bridge);
    }

    private static DockerCli.Result exec(String container, String... command) throws Exception {
        String[] args = new String[command.length + 2];
        args[0] = "exec";
        args[1] = container;
        System.arraycopy(command, 0, args, 2, command.length);
        return host.docker().run(args);
    }

    /** Opens a TCP connection from a container to a server and returns what it said. */
    private static Probe connect(String client, String address) throws Exception {
        return connect(client, address, SERVER_PORT);
    }

    private static Probe connect(String client, String address, int port) throws Exception {
        DockerCli.Result result = exec(client, "timeout", "5", "nc", "-w", "2", address, String.valueOf(port));
        return new Probe(result.exitCode(), result.out(), result.err());
    }

    /** Opens a TCP connection from a namespace (busybox of the machine) and returns what the other end said. */
    private static Probe probe(NetnsShell from, String address, int port) throws Exception {
        NetnsShell.Result result = from.run("busybox", "timeout", "5", "busybox", "nc", "-w", "2", address,
                String.valueOf(port));
        return new Probe(result.exitCode(), result.out(), result.err());
    }

    private static void awaitAnswer(String client, String address, String server) {
        awaitAnswer(client, address, SERVER_PORT, server);
    }

    private static void awaitAnswer(String client, String address, int port, String server) {
        await().atMost(ANSWERS).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(connect(client, address, port).out()).as("%s -> %s:%s", client, address, port)
                        .isEqualTo(server));
    }

    private static void awaitAnswer(NetnsShell from, String address, int port, String server) {
        await().atMost(ANSWERS).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(probe(from, address, port).out()).as("%s:%s", address, port).isEqualTo(server));
    }

    /** A connection dropped on the way times out; one refused or answered got through. */
    private static void assertDropped(Probe probe) {
        assertThat(probe.exitCode()).as("exit code; stderr: %s", probe.err()).isNotZero();
        assertThat(probe.out()).isEmpty();
        assertThat(probe.err()).contains("timed out");
    }

    /**
     * The outcome of one TCP connection attempt.
     *
     * @param exitCode nc's exit status
     * @param out what the server said
     * @param err nc's complaint, such as {@code nc: timed out}
     */
    private record Probe(int exitCode, String out, String err) {
    }
}
