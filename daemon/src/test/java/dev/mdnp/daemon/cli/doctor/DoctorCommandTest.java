package dev.mdnp.daemon.cli.doctor;

import dev.mdnp.daemon.config.ConfigDefaults;
import dev.mdnp.daemon.testsupport.CommandRun;
import dev.mdnp.daemon.testsupport.InspectBodies;
import dev.mdnp.model.client.StubHttpServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code mdnp doctor} on a fake host: a directory standing for /, stub sockets for the daemon and Docker. */
class DoctorCommandTest {

    private static final String RELEASE = "6.1.0-test";
    private static final String ROOT_STATUS = "Name:\tjava\nUid:\t0\t0\t0\t0\nCapEff:\t000001ffffffffff\n";

    private Path host;
    private Path pluginDir;
    private Path bin;
    private StubHttpServer inspect;
    private StubHttpServer docker;
    private ServerSocketChannel plugin;

    @BeforeEach
    void createHost() throws IOException {
        host = Files.createTempDirectory(Path.of("/tmp"), "mdnpdoc");
        pluginDir = host.resolve("plugins");
        bin = Files.createDirectories(host.resolve("bin"));
        inspect = StubHttpServer.start();
        docker = StubHttpServer.start();
        docker.reply("/_ping", 200, "text/plain", "OK");
    }

    @AfterEach
    void removeHost() throws IOException {
        if (plugin != null) {
            plugin.close();
        }
        inspect.close();
        docker.close();
        try (Stream<Path> paths = Files.walk(host)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }

    @Test
    void aHealthyHostPassesEveryCheck() throws IOException {
        healthyHost();

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "✓ running as root, with CAP_NET_ADMIN",
                "✓ mdnp is not installed as a systemd service (no " + host.resolve("etc/systemd/system/mdnp.service")
                        + ", " + host.resolve("etc/systemd/system/mdnp.socket") + " or " + host.resolve("opt/mdnp")
                        + ")",
                "✓ no configuration file " + host.resolve("etc/mdnp/mdnp.conf") + ": serve takes its flags, MDNP_*"
                        + " variables and defaults",
                "✓ plugin directory " + pluginDir + " exists",
                "✓ plugin socket " + pluginDir.resolve("mdnp.sock") + " answers",
                "✓ inspect socket " + inspect.socket() + " answers: mdnp 0.1.0, plugin mdnp, 2 networks, 1 endpoints",
                "✓ docker answers at unix://" + docker.socket(),
                "✓ no other plugin is named \"mdnp\"",
                "✓ kernel supports bridge (loaded)",
                "✓ kernel supports veth (module, loaded on first use)",
                "✓ IPv4 forwarding is on",
                "✓ iptables found at " + bin.resolve("iptables"),
                "✓ firewall rules of mdnp and its 2 networks are in place",
                "no problems found");
    }

    @Test
    void anEmptyHostFailsWithWhatToDo() throws IOException {
        write("proc/self/status", "Uid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000000000\n");
        inspect.close();
        docker.close();

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(
                "✗ not root (uid 1000) and without CAP_NET_ADMIN\n"
                        + "    mdnp serve must run as root (sudo mdnp serve); the socket checks below may be limited\n",
                "✗ plugin directory " + pluginDir + " does not exist\n",
                "✗ plugin socket " + pluginDir.resolve("mdnp.sock") + " does not exist: mdnp is not serving plugin"
                        + " \"mdnp\" in " + pluginDir + "\n    start it: sudo mdnp serve --name mdnp",
                "✗ inspect socket " + inspect.socket() + " does not answer\n    cannot reach mdnp at "
                        + inspect.socket(),
                "✗ docker does not answer at unix://" + docker.socket() + ": ",
                "    is dockerd running? is --docker-host right?\n",
                "! cannot tell whether the kernel supports bridge: no /proc/config.gz, /boot/config-6.1.0-test or"
                        + " /lib/modules/6.1.0-test\n",
                "! cannot read net.ipv4.ip_forward\n",
                "✗ iptables not found in [" + bin + "]\n",
                "! cannot ask the daemon at " + inspect.socket() + " for missing firewall rules\n"
                        + "    cannot reach mdnp at " + inspect.socket(),
                "6 problems found\n");
    }

    @Test
    void aStaleSocketIsToldApartFromAMissingOne() throws IOException {
        healthyHost();
        plugin.close();
        plugin = null;

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✗ plugin socket " + pluginDir.resolve("mdnp.sock")
                + " exists but nothing answers on it\n    left by an mdnp that was killed?");
    }

    @Test
    void anInstallWithBothUnitsAndAnActiveSocketUnitPasses() throws IOException {
        healthyHost();
        systemdInstall("active");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("✓ systemd units mdnp.service and mdnp.socket are installed in "
                + host.resolve("etc/systemd/system") + "\n✓ mdnp.socket is active: systemd listens on the plugin"
                + " socket\n");
    }

    @Test
    void anInstallWithoutItsSocketUnitFails() throws IOException {
        healthyHost();
        write("etc/systemd/system/mdnp.service", "[Service]\n");
        Files.createDirectories(host.resolve("opt/mdnp"));

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✗ systemd unit " + host.resolve("etc/systemd/system/mdnp.socket")
                + " is missing, but mdnp is installed\n    install mdnp again");
    }

    @Test
    void anInactiveSocketUnitFailsWithTheCommandThatStartsIt() throws IOException {
        healthyHost();
        systemdInstall("inactive");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✗ mdnp.socket is inactive: nothing starts mdnp when Docker calls it\n"
                + "    sudo systemctl enable --now mdnp.socket");
    }

    @Test
    void withoutSystemdTheSocketUnitsStateIsNotGuessed() throws IOException {
        healthyHost();
        systemdInstall("active");
        Files.delete(host.resolve("run/systemd/system"));

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("! cannot tell whether mdnp.socket is active: systemd is not the init system"
                + " here, or systemctl is missing\n");
    }

    @Test
    void aStaleSocketOfASystemdInstallIsFixedByRestartingTheSocketUnit() throws IOException {
        healthyHost();
        systemdInstall("active");
        plugin.close(); // bound, then closed: the file stays and refuses connections
        plugin = null;

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✗ plugin socket " + pluginDir.resolve("mdnp.sock") + " exists but nothing"
                + " answers on it\n    mdnp.socket should listen on it: sudo systemctl restart mdnp.socket");
    }

    @Test
    void aConfigurationFileThatDoesNotParseFailsNamingTheLine() throws IOException {
        healthyHost();
        write("etc/mdnp/mdnp.conf", "name = mdnp\nstate-dir /srv\n");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✗ " + host.resolve("etc/mdnp/mdnp.conf") + " line 2: expected 'key = value'",
                "    mdnp serve refuses to start like this");
    }

    @Test
    void aConfigurationFileKeyThatServeDoesNotKnowFailsWhenServeIsNextToTheDoctor() throws IOException {
        healthyHost();
        Path config = write("etc/mdnp/mdnp.conf", "state-dir = /srv\nstatedir = /srv\n");
        CommandSpec serveSpec = CommandSpec.create().name("serve")
                .addOption(OptionSpec.builder("--state-dir").type(String.class).build());
        CommandLine serve = new CommandLine(serveSpec);
        serve.setDefaultValueProvider(new ConfigDefaults(Map.of(), config, "--config", Set.of()));
        CommandLine mdnp = new CommandLine(CommandSpec.create().name("mdnp"));
        mdnp.addSubcommand("serve", serve);
        mdnp.addSubcommand("doctor", new CommandLine(new DoctorCommand(host, List.of(bin), RELEASE)));
        StringWriter out = new StringWriter();
        mdnp.setOut(new PrintWriter(out, true));

        mdnp.execute("doctor", "--plugin-dir", pluginDir.toString(), "--inspect-socket", inspect.socket().toString(),
                "--docker-host", "unix://" + docker.socket(), "--timeout", "2s");

        assertThat(out.toString()).contains("✗ " + config + " line 2: unknown key 'statedir'; the keys are"
                + " state-dir\n");
    }

    @Test
    void aConfigurationFileThatReadsPasses() throws IOException {
        healthyHost();
        write("etc/mdnp/mdnp.conf", "# mdnp\nstate-dir = /srv\nlog-level = debug\n");

        assertThat(doctor().out()).contains("✓ configuration file " + host.resolve("etc/mdnp/mdnp.conf")
                + " reads: 2 settings\n");
    }

    @Test
    void otherPluginEntriesWithTheSameNameAreWarnedAbout() throws IOException {
        healthyHost();
        write("plugins/mdnp/mdnp.sock", "");
        write("etc/docker/plugins/mdnp.spec", "unix:///run/old/mdnp.sock\n");
        write("plugins/weave.sock", "");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("! other plugin entries are named \"mdnp\": "
                + pluginDir.resolve("mdnp/mdnp.sock") + ", " + host.resolve("etc/docker/plugins/mdnp.spec") + " (other plugins in " + pluginDir
                + ": weave.sock)\n    Docker uses the first it finds, " + pluginDir.resolve("mdnp.sock")
                + " before these: remove the stale ones\n");
    }

    @Test
    void firewallRulesThatHadToBePutBackAreAWarningWithTheLastRepair() throws IOException {
        healthyHost();
        inspect.reply("/v1/firewall/repairs", 200, "[{\"at\":\"2026-12-07T12:00:00Z\",\"baseRepaired\":false,"
                + "\"repairedBridges\":[\"mdnpb1\"],\"removedBridges\":[]},{\"at\":\"2026-12-07T12:05:00Z\","
                + "\"baseRepaired\":true,\"repairedBridges\":[\"mdnpb8f6511a52a\"],\"removedBridges\":[]}]");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("✓ firewall rules of mdnp and its 2 networks are in place\n"
                + "! mdnp had to put its firewall rules back 2 times since it started, last at 2026-12-07T12:05:00Z"
                + " (mdnp's chains and jumps, mdnpb8f6511a52a)\n    something else rewrites the firewall (a firewall"
                + " manager's reload, iptables -F, a script); until mdnp repairs it, isolation and published ports"
                + " of its networks are off: make that tool leave the MDNP-* chains and the rules commented mdnp"
                + " alone\n");
    }

    @Test
    void aDaemonTooOldToReportFirewallRepairsPassesTheCheck() throws IOException {
        healthyHost();
        inspect.reply("/v1/firewall/repairs", 404, "{\"Err\":\"no such path: /v1/firewall/repairs\"}");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("✓ firewall rules of mdnp and its 2 networks are in place\nno problems found");
    }

    @Test
    void eachNetworkThatLacksFirewallRulesFailsWithWhatToDo() throws IOException {
        healthyHost();
        inspect.reply("/v1/firewall", 200, InspectBodies.FIREWALL.replace("\"bridge\":\"\",\"missingRules\":[]",
                "\"bridge\":\"\",\"missingRules\":[\"iptables -t filter -A FORWARD -j MDNP-FORWARD\"]"));

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        String fix = "    mdnp puts them back within its --reconcile-interval (default 30s); if they keep going"
                + " missing, another tool deletes them (iptables -F, a firewall manager): make it leave the MDNP-*"
                + " chains and the rules commented mdnp alone";
        assertThat(run.out()).contains(
                "✗ mdnp's own chains and the jumps into them lack 1 firewall rule: iptables -t filter -A FORWARD -j"
                        + " MDNP-FORWARD\n" + fix + "\n"
                        + "✗ network 8f6511a52af0 (bridge mdnpb8f6511a52a) lacks 2 firewall rules, such as:"
                        + " iptables -t nat -A MDNP-POSTROUTING -s 10.77.0.0/24 ! -o mdnpb8f6511a52a -j MASQUERADE\n"
                        + fix + "\n"
                        + "2 problems found\n");
        assertThat(run.out()).doesNotContain("br-lab", "✓ firewall");
    }

    @Test
    void aDaemonThatCannotListItsFirewallIsOnlyAWarning() throws IOException {
        healthyHost();
        inspect.reply("/v1/firewall", 503, "{\"Err\":\"check firewall rules: iptables-save: command not found\"}");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("! cannot ask the daemon at " + inspect.socket() + " for missing firewall"
                + " rules\n    mdnp at " + inspect.socket() + " answered GET /v1/firewall with 503: check firewall"
                + " rules: iptables-save: command not found\n");
    }

    @Test
    void aDaemonWithoutTheFirewallPathIsOnlyAWarning() throws IOException {
        healthyHost();
        inspect.reply("/v1/firewall", 404, "{\"Err\":\"no such path: /v1/firewall\"}");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("! cannot ask the daemon at " + inspect.socket() + " for missing firewall"
                + " rules\n    that daemon does not report them (an mdnp older than this doctor?)\n");
    }

    @Test
    void aDaemonServingAnotherPluginSocketIsWarnedAbout() throws IOException {
        healthyHost();
        inspect.reply("/v1/info", 200, info("/run/docker/plugins/other.sock"));

        CommandRun run = doctor();

        assertThat(run.out()).contains("    that daemon serves /run/docker/plugins/other.sock, not "
                + pluginDir.resolve("mdnp.sock") + ": are --name and --plugin-dir right?\n");
    }

    @Test
    void aDockerThatAnswersWithAnErrorFails() throws IOException {
        healthyHost();
        docker.reply("/_ping", 500, "text/plain", "daemon is shutting down");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✗ docker at unix://" + docker.socket() + " answered /_ping with 500\n"
                + "    daemon is shutting down\n");
    }

    @Test
    void capNetAdminWithoutRootIsOnlyAWarning() throws IOException {
        healthyHost();
        write("proc/self/status", "Uid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000001000\n");

        CommandRun run = doctor();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("! not root (uid 1000) but with CAP_NET_ADMIN\n");
    }

    @Test
    void builtInModulesCount() throws IOException {
        healthyHost();
        Files.delete(host.resolve("sys/module/bridge"));
        write("lib/modules/" + RELEASE + "/modules.builtin", "kernel/net/bridge/bridge.ko\n");

        assertThat(doctor().out()).contains("✓ kernel supports bridge (built in)\n");
    }

    @Test
    void theKernelConfigTellsBuiltInFromMissing() throws IOException {
        healthyHost();
        Files.delete(host.resolve("sys/module/bridge"));
        Files.delete(host.resolve("lib/modules/" + RELEASE + "/modules.dep"));
        Files.delete(host.resolve("lib/modules/" + RELEASE));
        Files.delete(host.resolve("lib/modules"));
        Path config = host.resolve("proc/config.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(config))) {
            out.write("CONFIG_BRIDGE=y\n# CONFIG_VETH is not set\n".getBytes(StandardCharsets.UTF_8));
        }

        CommandRun run = doctor();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✓ kernel supports bridge (built in)\n",
                "✗ no veth support found in the kernel (6.1.0-test)\n    install the kernel's modules"
                        + " (e.g. linux-modules-extra-6.1.0-test) or load it: modprobe veth\n");
    }

    @Test
    void aModuleTheKernelWasBuiltWithButThatIsNotInstalledFails() throws IOException {
        healthyHost();
        Files.delete(host.resolve("lib/modules/" + RELEASE + "/modules.dep"));
        write("boot/config-" + RELEASE, "CONFIG_VETH=m\n");

        assertThat(doctor().out()).contains("✗ kernel 6.1.0-test has veth as a module, but it is not installed\n");
    }

    @Test
    void theDoctorChangesNothing() throws IOException {
        healthyHost();
        List<String> before = snapshot();

        doctor();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(inspect.requests()).extracting(StubHttpServer.Request::target)
                .containsExactly("/v1/info", "/v1/firewall", "/v1/firewall/repairs");
        assertThat(docker.requests()).extracting(StubHttpServer.Request::method).containsOnly("GET");
    }

    private CommandRun doctor() {
        return CommandRun.of(new DoctorCommand(host, List.of(bin), RELEASE), "--plugin-dir", pluginDir.toString(),
                "--inspect-socket", inspect.socket().toString(), "--docker-host", "unix://" + docker.socket(),
                "--timeout", "2s");
    }

    private void healthyHost() throws IOException {
        write("proc/self/status", ROOT_STATUS);
        write("proc/sys/net/ipv4/ip_forward", "1\n");
        Files.createDirectories(host.resolve("sys/module/bridge"));
        write("lib/modules/" + RELEASE + "/modules.dep", "kernel/drivers/net/veth.ko.zst:\n");
        Path iptables = write("bin/iptables", "#!/bin/sh\n");
        Files.setPosixFilePermissions(iptables, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(pluginDir);
        plugin = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        plugin.bind(UnixDomainSocketAddress.of(pluginDir.resolve("mdnp.sock")));
        inspect.reply("/v1/info", 200, info(pluginDir.resolve("mdnp.sock").toString()));
        inspect.reply("/v1/firewall", 200, InspectBodies.FIREWALL_COMPLETE);
        inspect.reply("/v1/firewall/repairs", 200, "[]");
    }

    /** The installer's units, systemd as init, and a systemctl that reports {@code socketState} for mdnp.socket. */
    private void systemdInstall(String socketState) throws IOException {
        write("etc/systemd/system/mdnp.service", "[Service]\n");
        write("etc/systemd/system/mdnp.socket", "[Socket]\n");
        Files.createDirectories(host.resolve("run/systemd/system"));
        Path systemctl = write("bin/systemctl", "#!/bin/sh\n[ \"$1 $2\" = \"is-active mdnp.socket\" ] || exit 9\n"
                + "echo " + socketState + "\n[ " + socketState + " = active ]\n");
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String info(String pluginSocket) {
        return InspectBodies.INFO.replace("/run/docker/plugins/mdnp.sock", pluginSocket);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = host.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private List<String> snapshot() throws IOException {
        try (Stream<Path> paths = Files.walk(host)) {
            return paths.sorted().map(path -> {
                try {
                    return path + " " + Files.getLastModifiedTime(path) + " " + Files.size(path);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toList());
        }
    }
}
