package dev.mdnp.daemon.cli.doctor;

import dev.mdnp.daemon.cli.DurationConverter;
import dev.mdnp.daemon.config.ConfigDefaults;
import dev.mdnp.daemon.config.ConfigFile;
import dev.mdnp.model.client.InspectClient;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
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
                + " rules, the systemd units of an installed mdnp and the configuration file.",
            "Read-only: it changes nothing. Exit status 0 when every check passes, 1 otherwise."})
public final class DoctorCommand implements Callable<Integer> {

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

    @Option(names = "--config", paramLabel = "FILE",
            description = "serve's configuration file (default: /etc/mdnp/mdnp.conf).")
    Path configFile;

    @Option(names = "--timeout", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for each daemon (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(5);

    private final HostFiles host;
    /** The directories searched for iptables, $PATH's in production. */
    private final List<Path> searchPath;
    private final String kernelRelease;

    DoctorCommand() {
        this(Path.of("/"), pathDirectories(System.getenv("PATH")), System.getProperty("os.version", ""));
    }

    /**
     * Creates the doctor of a host: a seam for tests, which stand a directory in for "/".
     *
     * @param host the root of /proc, /sys, /lib/modules and /etc: "/" except in tests
     * @param searchPath the directories searched for iptables
     * @param kernelRelease the running kernel's release, as {@code uname -r} prints it
     */
    DoctorCommand(Path host, List<Path> searchPath, String kernelRelease) {
        this.host = new HostFiles(host);
        this.searchPath = List.copyOf(searchPath);
        this.kernelRelease = kernelRelease;
    }

    @Override
    public Integer call() {
        Path pluginSocket = pluginDir.resolve(name + ".sock");
        boolean installed = InstallCheck.installed(host);
        List<DoctorCheck> checks = List.of(
                new PrivilegesCheck(host, pluginDir),
                new InstallCheck(host, new SystemctlUnits(host, searchPath)),
                new ConfigFileCheck(configFile != null ? configFile : host.path("etc/mdnp/mdnp.conf"),
                        serveOptions()),
                new PluginDirectoryCheck(pluginDir),
                new PluginSocketCheck(pluginDir, name, installed ? PluginSocketCheck.restartSocketUnit()
                        : PluginSocketCheck.restartByHand(name)),
                new InspectSocketCheck(inspectSocket, timeout, pluginSocket),
                new DockerCheck(dockerHost, timeout),
                new DuplicateNameCheck(host, pluginDir, name),
                new KernelModuleCheck(host, kernelRelease, "bridge", "CONFIG_BRIDGE", "kernel/net/bridge/bridge.ko"),
                new KernelModuleCheck(host, kernelRelease, "veth", "CONFIG_VETH", "kernel/drivers/net/veth.ko"),
                new IpForwardingCheck(host),
                new IptablesCheck(searchPath),
                new FirewallRulesCheck(inspectSocket, timeout));
        List<Check> found = new ArrayList<>();
        for (DoctorCheck check : checks) {
            found.addAll(check.run());
        }
        long failed = new Checklist(spec.commandLine().getOut()).print(found);
        return failed == 0 ? 0 : 1;
    }

    /**
     * Returns the check of a configuration file's keys against {@code serve}'s options, which the doctor finds next to
     * itself in the {@code mdnp} command; without it (run on its own), only the lines are checked.
     */
    private UnaryOperator<ConfigFile> serveOptions() {
        CommandSpec mdnp = spec.parent();
        CommandLine serve = mdnp != null ? mdnp.subcommands().get("serve") : null;
        if (serve != null && serve.getDefaultValueProvider() instanceof ConfigDefaults defaults) {
            return file -> defaults.validated(file, serve.getCommandSpec());
        }
        return UnaryOperator.identity();
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
}
