package dev.mdnp.daemon.packaging.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.HostCommand;
import dev.mdnp.daemon.testsupport.HostFirewall;
import dev.mdnp.daemon.testsupport.HostSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * mdnp as a managed plugin on the private engine, as an operator runs it: {@code scripts/build-plugin}, enable,
 * networks with {@code -d NAME:TAG} and {@code --ipam-driver NAME:TAG}, containers that ping each other, the inspect
 * socket under {@code /run/docker/plugins/ID/}, {@code disable -f} + {@code enable} and an {@code upgrade} to a new
 * build pulled from a local registry, both keeping the networks usable, and {@code rm} leaving no link or rule. Prints
 * what it measured (build, create and enable durations, the first call, the rootfs size).
 */
@Tag("e2e")
class ManagedPluginE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String IMAGE = "local/busybox";

    private final List<String> containers = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();
    private final List<String> plugins = new ArrayList<>();
    private final List<String> measured = new ArrayList<>();
    private String host;
    private DockerCli docker;
    private String suffix;
    private LocalRegistry registry;

    @BeforeEach
    void engine() throws Exception {
        host = E2eEnvironment.requireDockerHost();
        docker = new DockerCli(host);
        suffix = E2ePlugin.randomHex(3);
    }

    @Test
    void aManagedPluginKeepsItsNetworksThroughDisableEnableAndUpgradeAndLeavesNothingWhenRemoved() throws Exception {
        HostSnapshot linksBefore = HostSnapshot.take();
        Set<String> rulesBefore = mdnpRules();
        String name = "mdnpt" + suffix;
        String tag = "mdnpt/mdnp-" + suffix + ":1";

        build(tag, name);
        pointAtTheEngine(tag);
        timed("enable", "plugin", "enable", tag);
        String id = docker.ok("plugin", "inspect", "--format", "{{.Id}}", tag);
        Path pluginRoot = Path.of(docker.ok("info", "--format", "{{.DockerRootDir}}"), "plugins", id);

        long firstCall = System.nanoTime();
        String auto = network("--ipam-driver", tag, "-d", tag);
        measured.add("first call (network create right after enable): " + millisSince(firstCall) + " ms");
        String fixed = network("-d", tag, "--ipam-driver", tag, "--subnet", "10.231.96.0/24");
        String a1 = container(auto);
        assertPings(container(auto), a1, auto);
        String f1 = container(fixed);
        assertThat(address(f1, fixed)).startsWith("10.231.96.");
        assertPings(container(fixed), f1, fixed);
        assertThat(pluginRoot.resolve("propagated-mount/state/state.db")).as("the state in the propagated mount")
                .exists();

        Path inspectSocket = Path.of("/run/docker/plugins", id, "inspect.sock");
        String info = HostCommand.ok("curl", "-sS", "--max-time", "10", "--unix-socket", inspectSocket.toString(),
                "http://mdnp/v1/info");
        assertThat(info).as("/v1/info on the host at " + inspectSocket).contains("\"version\"");
        assertNamesShown(inspectSocket, auto, fixed);

        timed("disable -f", "plugin", "disable", "-f", tag);
        timed("enable after disable -f", "plugin", "enable", tag);
        assertPings(container(auto), a1, auto);
        assertPings(container(fixed), f1, fixed);

        registry = LocalRegistry.start(Path.of("/var/tmp"));
        String remote = registry.address() + "/mdnpt/mdnp-" + suffix + ":2";
        build(remote, name);
        timed("push", "plugin", "push", remote);
        docker.ok("plugin", "rm", remote);
        plugins.remove(remote);
        docker.ok("plugin", "disable", "-f", tag);
        timed("upgrade", "plugin", "upgrade", "--grant-all-permissions", "--skip-remote-check", tag, remote);
        assertThat(docker.ok("plugin", "inspect", "--format", "{{.Id}} {{.PluginReference}}", tag))
                .as("upgraded in place: same id, the new reference").isEqualTo(id + " " + remote);
        measured.add("settings after upgrade: " + docker.ok("plugin", "inspect", "--format",
                "{{json .Settings.Mounts}} {{json .Settings.Env}}", tag));
        pointAtTheEngine(tag);
        timed("enable after upgrade", "plugin", "enable", tag);
        assertPings(container(auto), a1, auto);
        assertPings(container(fixed), f1, fixed);
        assertNamesShown(inspectSocket, auto, fixed);

        removeContainersAndNetworks();
        timed("disable", "plugin", "disable", tag);
        timed("rm", "plugin", "rm", tag);
        plugins.remove(tag);
        assertThat(pluginRoot).as("rm deletes the plugin's directory and its state").doesNotExist();
        await().atMost(WAIT).untilAsserted(() -> assertThat(HostSnapshot.take()).isEqualTo(linksBefore));
        assertThat(mdnpRules()).as("no rule of the plugin's left").isEqualTo(rulesBefore)
                .noneMatch(rule -> rule.contains("mdnp:" + name + ":"));
    }

    @AfterEach
    void removeEverything() throws Exception {
        try {
            removeContainersAndNetworks();
            for (String plugin : plugins) {
                docker.run("plugin", "disable", "-f", plugin);
                docker.run("plugin", "rm", "-f", plugin);
            }
            plugins.clear();
        } finally {
            if (registry != null) {
                registry.close();
            }
            measured.forEach(line -> System.out.println("managed plugin: " + line));
        }
    }

    private void build(String tag, String name) throws Exception {
        plugins.add(tag);
        PluginBuild build = PluginBuild.run(host, tag, name);
        measured.add("build-plugin " + tag + ": " + build.took().toMillis() + " ms; " + build.sizeLine());
    }

    /**
     * The engine's API socket is not at the default /run/docker.sock: the plugin's mount is pointed at it. Docker
     * knows the plugin by {@code tag}, also after an upgrade from another reference: the driver name says so.
     */
    private void pointAtTheEngine(String tag) throws Exception {
        docker.ok("plugin", "set", tag, "docker-socket.source=" + host.replaceFirst("^unix://", ""),
                "MDNP_DRIVER_NAME=" + tag);
    }

    /** The inspect socket, on the host, shows the networks with the names Docker gave them. */
    private void assertNamesShown(Path inspectSocket, String... networkNames) {
        await("names on " + inspectSocket).atMost(WAIT).untilAsserted(() -> assertThat(HostCommand.ok("curl", "-sS",
                "--max-time", "10", "--unix-socket", inspectSocket.toString(), "http://mdnp/v1/networks"))
                .contains(networkNames));
    }

    private void timed(String what, String... args) throws Exception {
        long start = System.nanoTime();
        docker.ok(args);
        measured.add(what + ": " + millisSince(start) + " ms");
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private String network(String... options) throws Exception {
        String network = "mdnpt-plugin-" + suffix + "-" + networks.size();
        List<String> args = new ArrayList<>(List.of("network", "create"));
        args.addAll(List.of(options));
        args.add(network);
        networks.add(network);
        docker.ok(args.toArray(String[]::new));
        return network;
    }

    private String container(String network) throws Exception {
        String container = "mdnpt-plugin-" + suffix + "-c" + containers.size();
        containers.add(container);
        docker.ok("run", "-d", "--name", container, "--net", network, IMAGE, "sleep", "600");
        return container;
    }

    private String address(String container, String network) throws Exception {
        return docker.ok("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}",
                container);
    }

    private void assertPings(String from, String to, String network) throws Exception {
        String target = address(to, network);
        assertThat(docker.run("exec", from, "ping", "-c", "2", "-W", "2", target).exitCode())
                .as(from + " pings " + to + " (" + target + ") on " + network).isZero();
    }

    /** Removes them all in two commands: {@code docker rm -f C…} and {@code docker network rm N…}. */
    private void removeContainersAndNetworks() throws Exception {
        removeAll(containers, "rm", "-f");
        removeAll(networks, "network", "rm");
    }

    private void removeAll(List<String> names, String... command) throws Exception {
        if (!names.isEmpty()) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(names);
            docker.run(args.toArray(String[]::new));
            names.clear();
        }
    }

    private static Set<String> mdnpRules() throws Exception {
        Set<String> rules = new TreeSet<>();
        for (String rule : HostFirewall.rules()) {
            if (rule.toLowerCase(Locale.ROOT).contains("mdnp")) {
                rules.add(rule);
            }
        }
        return rules;
    }
}
