package dev.mdnp.daemon.cli;

import dev.mdnp.daemon.dockerapi.DockerEngine;
import dev.mdnp.daemon.dockerapi.DockerPing;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.client.InspectException;
import dev.mdnp.model.client.UnixHttpException;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.FirewallRulesView;
import dev.mdnp.model.inspect.InfoView;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mdnp doctor}: checks what mdnp needs on this host and prints a checklist, each line ✓ (fine), ! (worth a
 * look) or ✗ (broken, with what to do). It only reads files and connects to sockets: it never changes anything.
 * Exit status 0 when nothing is ✗, else 1.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check this host for what mdnp needs: privileges, plugin directory and socket, inspect socket,"
                + " Docker, duplicate plugin names, kernel bridge and veth support, iptables, the daemon's firewall"
                + " rules.",
            "Read-only: it changes nothing. Exit status 0 when every check passes, 1 otherwise."})
public final class DoctorCommand implements Callable<Integer> {

    static final String OK = "✓";
    static final String WARN = "!";
    static final String FAIL = "✗";
    private static final long CAP_NET_ADMIN = 12;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", defaultValue = "mdnp", paramLabel = "NAME",
            description = "Plugin name mdnp serves under (default: ${DEFAULT-VALUE}).")
    String name = "mdnp";

    @Option(names = "--plugin-dir", defaultValue = "/run/docker/plugins", paramLabel = "DIR",
            description = "Directory Docker searches for plugin sockets (default: ${DEFAULT-VALUE}).")
    Path pluginDir = Path.of("/run/docker/plugins");

    @Option(names = "--inspect-socket", defaultValue = InspectClient.DEFAULT_SOCKET_PATH, paramLabel = "PATH",
            description = "The daemon's inspect socket (default: ${DEFAULT-VALUE}).")
    Path inspectSocket = Path.of(InspectClient.DEFAULT_SOCKET_PATH);

    @Option(names = "--docker-host", defaultValue = "unix:///var/run/docker.sock", paramLabel = "URI",
            description = "The Docker engine that uses mdnp (default: ${DEFAULT-VALUE}).")
    String dockerHost = "unix:///var/run/docker.sock";

    @Option(names = "--timeout", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for each daemon (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(5);

    /** The root of /proc, /sys, /lib/modules and /etc: "/" except in tests. */
    private final Path host;
    /** The directories searched for iptables, $PATH's in production. */
    private final List<Path> searchPath;
    private final String kernelRelease;

    DoctorCommand() {
        this(Path.of("/"), pathDirectories(System.getenv("PATH")), System.getProperty("os.version", ""));
    }

    DoctorCommand(Path host, List<Path> searchPath, String kernelRelease) {
        this.host = host;
        this.searchPath = List.copyOf(searchPath);
        this.kernelRelease = kernelRelease;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Check> checks = new ArrayList<>();
        checks.add(privileges());
        checks.add(pluginDirectory());
        checks.add(pluginSocket());
        checks.add(inspect());
        checks.add(docker());
        checks.add(sameName());
        checks.add(kernelSupport("bridge", "CONFIG_BRIDGE", "kernel/net/bridge/bridge.ko"));
        checks.add(kernelSupport("veth", "CONFIG_VETH", "kernel/drivers/net/veth.ko"));
        checks.add(ipForwarding());
        checks.add(iptables());
        checks.addAll(firewallRules());
        for (Check check : checks) {
            out.println(check.mark() + " " + check.text());
            if (!check.fix().isEmpty()) {
                out.println("    " + check.fix());
            }
        }
        long failed = checks.stream().filter(check -> check.mark().equals(FAIL)).count();
        out.println(failed == 0 ? "no problems found" : failed + (failed == 1 ? " problem" : " problems") + " found");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private Check privileges() {
        String status;
        try {
            status = Files.readString(host.resolve("proc/self/status"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Check(WARN, "cannot read /proc/self/status: " + e.getMessage(), "");
        }
        String uid = field(status, "Uid:").split("\\s+")[0];
        String capEff = field(status, "CapEff:");
        boolean netAdmin;
        try {
            netAdmin = (Long.parseUnsignedLong(capEff, 16) >>> CAP_NET_ADMIN & 1) == 1;
        } catch (NumberFormatException e) {
            netAdmin = false;
        }
        boolean root = uid.equals("0");
        if (root && netAdmin) {
            return new Check(OK, "running as root, with CAP_NET_ADMIN", "");
        }
        if (netAdmin) {
            return new Check(WARN, "not root (uid " + uid + ") but with CAP_NET_ADMIN",
                    "mdnp serve also needs to write " + pluginDir + " and the state directory: run it as root");
        }
        return new Check(FAIL, (root ? "root" : "not root (uid " + uid + ")") + " and without CAP_NET_ADMIN",
                "mdnp serve must run as root (sudo mdnp serve); the socket checks below may be limited");
    }

    private Check pluginDirectory() {
        if (Files.isDirectory(pluginDir)) {
            return new Check(OK, "plugin directory " + pluginDir + " exists", "");
        }
        if (Files.exists(pluginDir)) {
            return new Check(FAIL, pluginDir + " is not a directory", "move it away; Docker looks for plugin"
                    + " sockets in it");
        }
        return new Check(FAIL, "plugin directory " + pluginDir + " does not exist",
                "start mdnp as root (sudo mdnp serve) and it creates it; Docker looks for legacy plugins only in"
                        + " /run/docker/plugins");
    }

    private Check pluginSocket() {
        Path socket = pluginDir.resolve(name + ".sock");
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new Check(OK, "plugin socket " + socket + " answers", "");
        } catch (ConnectException e) {
            String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (!Files.exists(socket)) {
                return notServed(socket);
            }
            if (reason.contains("permission denied")) {
                return new Check(WARN, "cannot check plugin socket " + socket + ": permission denied",
                        "it is root's only (0600): run mdnp doctor as root to check it");
            }
            return new Check(FAIL, "plugin socket " + socket + " exists but nothing answers on it",
                    "left by an mdnp that was killed? start mdnp (sudo mdnp serve --name " + name
                            + "); it replaces the stale socket");
        } catch (IOException e) {
            if (!Files.exists(socket)) {
                return notServed(socket);
            }
            return new Check(FAIL, "cannot connect to plugin socket " + socket + ": " + e.getMessage(), "");
        }
    }

    private Check notServed(Path socket) {
        return new Check(FAIL, "plugin socket " + socket + " does not exist: mdnp is not serving plugin \"" + name
                + "\" in " + pluginDir, "start it: sudo mdnp serve --name " + name + " (or pass doctor the --name"
                + " and --plugin-dir it runs with)");
    }

    private Check inspect() {
        try (InspectClient client = InspectClient.connect(inspectSocket, timeout)) {
            InfoView info = client.info();
            Path expected = pluginDir.resolve(name + ".sock");
            String summary = "inspect socket " + inspectSocket + " answers: mdnp " + info.version() + ", plugin "
                    + info.name() + ", " + info.networks() + " networks, " + info.endpoints() + " endpoints";
            if (!info.pluginSocket().equals(expected.toString())) {
                return new Check(WARN, summary, "that daemon serves " + info.pluginSocket() + ", not " + expected
                        + ": are --name and --plugin-dir right?");
            }
            return new Check(OK, summary, "");
        } catch (InspectException e) {
            return new Check(FAIL, "inspect socket " + inspectSocket + " does not answer",
                    e.getMessage());
        }
    }

    private Check docker() {
        DockerEngine engine;
        try {
            engine = DockerEngine.connect(dockerHost, timeout);
        } catch (IllegalArgumentException notAUnixUri) {
            return new Check(FAIL, "docker host " + dockerHost + " is not a unix:///path URI",
                    "pass --docker-host unix:///var/run/docker.sock (mdnp speaks to Docker only over its socket)");
        }
        try (engine) {
            DockerPing ping = engine.ping();
            if (ping.status() == 200) {
                return new Check(OK, "docker answers at " + dockerHost
                        + (ping.apiVersion() == null ? "" : " (API " + ping.apiVersion() + ")"), "");
            }
            return new Check(FAIL, "docker at " + dockerHost + " answered /_ping with " + ping.status(),
                    ping.body().strip());
        } catch (UnixHttpException e) {
            if (e.kind() == UnixHttpException.Kind.INTERRUPTED) {
                return new Check(FAIL, "interrupted while asking docker at " + dockerHost, "");
            }
            return new Check(FAIL, "docker does not answer at " + dockerHost + ": " + e.getMessage(),
                    "is dockerd running? is --docker-host right?");
        }
    }

    private Check sameName() {
        // Docker's lookup order (moby pkg/plugins/discovery.go): DIR/NAME.sock, DIR/NAME/NAME.sock, then NAME.spec
        // and NAME.json in /etc/docker/plugins and /usr/lib/docker/plugins; the first found wins.
        List<Path> candidates = List.of(pluginDir.resolve(name).resolve(name + ".sock"),
                host.resolve("etc/docker/plugins").resolve(name + ".spec"),
                host.resolve("etc/docker/plugins").resolve(name + ".json"),
                host.resolve("usr/lib/docker/plugins").resolve(name + ".spec"),
                host.resolve("usr/lib/docker/plugins").resolve(name + ".json"));
        List<String> found = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                found.add(candidate.toString());
            }
        }
        String others = otherSockets();
        if (found.isEmpty()) {
            return new Check(OK, "no other plugin is named \"" + name + "\"" + others, "");
        }
        return new Check(WARN, "other plugin entries are named \"" + name + "\": " + String.join(", ", found)
                + others, "Docker uses the first it finds, " + pluginDir.resolve(name + ".sock")
                + " before these: remove the stale ones");
    }

    private String otherSockets() {
        if (!Files.isDirectory(pluginDir)) {
            return "";
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(pluginDir)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(file -> file.endsWith(".sock") && !file.equals(name + ".sock"))
                    .sorted()
                    .forEach(names::add);
        } catch (IOException e) {
            return "";
        }
        return names.isEmpty() ? "" : " (other plugins in " + pluginDir + ": " + String.join(", ", names) + ")";
    }

    private Check kernelSupport(String module, String configKey, String modulePath) {
        if (Files.isDirectory(host.resolve("sys/module").resolve(module))
                || lines(host.resolve("proc/modules")).stream().anyMatch(line -> line.startsWith(module + " "))) {
            return new Check(OK, "kernel supports " + module + " (loaded)", "");
        }
        Path modules = host.resolve("lib/modules").resolve(kernelRelease);
        String config = kernelConfig(configKey);
        if (config.equals("y")
                || lines(modules.resolve("modules.builtin")).stream().anyMatch(line -> line.startsWith(modulePath))) {
            return new Check(OK, "kernel supports " + module + " (built in)", "");
        }
        if (lines(modules.resolve("modules.dep")).stream().anyMatch(line -> line.startsWith(modulePath))) {
            return new Check(OK, "kernel supports " + module + " (module, loaded on first use)", "");
        }
        String fix = "install the kernel's modules (e.g. linux-modules-extra-" + kernelRelease + ") or load it:"
                + " modprobe " + module;
        if (config.equals("m")) {
            return new Check(FAIL, "kernel " + kernelRelease + " has " + module + " as a module, but it is not"
                    + " installed", fix);
        }
        if (config.equals("n") || Files.isDirectory(modules)) {
            return new Check(FAIL, "no " + module + " support found in the kernel (" + kernelRelease + ")", fix);
        }
        return new Check(WARN, "cannot tell whether the kernel supports " + module + ": no /proc/config.gz, "
                + "/boot/config-" + kernelRelease + " or /lib/modules/" + kernelRelease, "");
    }

    /**
     * Returns a kernel build option from /proc/config.gz or /boot/config-RELEASE: {@code y}, {@code m}, {@code n}
     * for "is not set", or {@code ""} when neither file can be read.
     */
    private String kernelConfig(String key) {
        List<String> config = new ArrayList<>();
        Path proc = host.resolve("proc/config.gz");
        if (Files.isReadable(proc)) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(proc)), StandardCharsets.UTF_8))) {
                reader.lines().forEach(config::add);
            } catch (IOException | UncheckedIOException unreadable) {
                config.clear();
            }
        }
        if (config.isEmpty()) {
            config = lines(host.resolve("boot").resolve("config-" + kernelRelease));
        }
        if (config.isEmpty()) {
            return "";
        }
        for (String line : config) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).strip();
            }
        }
        return "n";
    }

    private Check ipForwarding() {
        List<String> value = lines(host.resolve("proc/sys/net/ipv4/ip_forward"));
        if (value.isEmpty()) {
            return new Check(WARN, "cannot read net.ipv4.ip_forward", "");
        }
        if (value.get(0).strip().equals("1")) {
            return new Check(OK, "IPv4 forwarding is on", "");
        }
        return new Check(WARN, "IPv4 forwarding is off: containers cannot reach beyond their network",
                "dockerd turns it on when it starts; or: sysctl -w net.ipv4.ip_forward=1");
    }

    private Check iptables() {
        for (Path directory : searchPath) {
            Path candidate = directory.resolve("iptables");
            if (Files.isExecutable(candidate)) {
                return new Check(OK, "iptables found at " + candidate, "");
            }
        }
        return new Check(FAIL, "iptables not found in " + searchPath,
                "mdnp lets its networks' traffic through with iptables: install it (apt-get install iptables)");
    }

    /**
     * Asks the daemon which of its firewall rules the kernel lacks ({@code /v1/firewall}, which lists the tables):
     * one ✓ line when none, one ✗ line per network (or mdnp's base chains) that lacks some, and a warning when the
     * daemon cannot be asked, since the inspect check already fails for a daemon that does not answer.
     */
    private List<Check> firewallRules() {
        List<FirewallRulesView> owners;
        List<FirewallRepairView> repairs;
        try (InspectClient client = InspectClient.connect(inspectSocket, timeout)) {
            owners = client.firewall();
            repairs = firewallRepairs(client);
        } catch (InspectException e) {
            String why = e.status() == 404 ? "that daemon does not report them (an mdnp older than this doctor?)"
                    : e.getMessage();
            return List.of(new Check(WARN, "cannot ask the daemon at " + inspectSocket + " for missing firewall rules",
                    why));
        }
        List<Check> checks = new ArrayList<>();
        for (FirewallRulesView owner : owners) {
            List<String> missing = owner.missingRules();
            if (!missing.isEmpty()) {
                checks.add(new Check(FAIL, firewallOwner(owner) + " " + (owner.base() ? "lack " : "lacks ")
                        + missing.size() + (missing.size() == 1 ? " firewall rule: " : " firewall rules, such as: ")
                        + missing.get(0), "mdnp puts them back within its --reconcile-interval (default 30s); if"
                        + " they keep going missing, another tool deletes them (iptables -F, a firewall manager):"
                        + " make it leave the MDNP-* chains and the rules commented mdnp alone"));
            }
        }
        if (checks.isEmpty()) {
            long networks = owners.stream().filter(owner -> !owner.base()).count();
            checks.add(new Check(OK, "firewall rules of mdnp and its " + networks
                    + (networks == 1 ? " network" : " networks") + " are in place", ""));
        }
        if (!repairs.isEmpty()) {
            FirewallRepairView last = repairs.get(repairs.size() - 1);
            checks.add(new Check(WARN, "mdnp had to put its firewall rules back " + repairs.size()
                    + (repairs.size() == 1 ? " time" : " times") + " since it started, last at " + last.at()
                    + " (" + last.summary() + ")", "something else rewrites the firewall (a firewall manager's"
                    + " reload, iptables -F, a script); until mdnp repairs it, isolation and published ports of its"
                    + " networks are off: make that tool leave the MDNP-* chains and the rules commented mdnp alone"));
        }
        return checks;
    }

    /** Returns the daemon's firewall repairs; none from a daemon too old to report them (404). */
    private static List<FirewallRepairView> firewallRepairs(InspectClient client) {
        try {
            return client.firewallRepairs();
        } catch (InspectException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private static String firewallOwner(FirewallRulesView owner) {
        if (owner.base()) {
            return "mdnp's own chains and the jumps into them";
        }
        if (owner.networkId().isEmpty()) {
            return "bridge " + owner.bridge() + " (of no network mdnp holds)";
        }
        return "network " + Cells.shortId(owner.networkId()) + " (bridge " + owner.bridge() + ")";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException missingOrUnreadable) {
            // Each caller treats "cannot read" like "not there" and says so in its own words.
            return List.of();
        }
    }

    private static String field(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(key.length()).strip();
            }
        }
        return "";
    }

    private static List<Path> pathDirectories(String path) {
        List<Path> directories = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        // sudo and systemd may leave /usr/sbin out of PATH; iptables lives there on Debian.
        for (String standard : List.of("/usr/sbin", "/sbin")) {
            if (!directories.contains(Path.of(standard))) {
                directories.add(Path.of(standard));
            }
        }
        return directories;
    }


    /**
     * One line of the checklist.
     *
     * @param mark {@link #OK}, {@link #WARN} or {@link #FAIL}
     * @param text what was found
     * @param fix what to do about it, {@code ""} when nothing
     */
    record Check(String mark, String text, String fix) {
    }
}
