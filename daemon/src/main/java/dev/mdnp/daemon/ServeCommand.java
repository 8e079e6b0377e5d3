package dev.mdnp.daemon;

import dev.mdnp.daemon.activation.ActivationException;
import dev.mdnp.daemon.activation.SocketActivation;
import dev.mdnp.daemon.cli.DurationConverter;
import dev.mdnp.daemon.driver.DriverException;
import dev.mdnp.daemon.ipam.DefaultPools;
import dev.mdnp.daemon.ipam.IpamException;
import dev.mdnp.daemon.persistence.StoredStateException;
import dev.mdnp.daemon.store.StoreException;
import dev.mdnp.daemon.transport.ListenSource;
import dev.mdnp.daemon.transport.SocketInUseException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mdnp serve}: runs the plugin daemon in the foreground until SIGTERM or SIGINT. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the Docker network plugin API on <plugin-dir>/<name>.sock until SIGTERM or SIGINT.",
            "Then: docker network create -d <name> NETWORK",
            "Under systemd the socket may come from mdnp.socket (socket activation): then mdnp serves it and never"
                    + " creates or removes its file."
        },
        footer = {
            "",
            "Every option but --help, --version and --print-config can also be set in the environment as"
                    + " MDNP_<OPTION> (e.g. MDNP_STATE_DIR=/srv/mdnp) or in the configuration file as 'option = value'"
                    + " (e.g. state-dir = /srv/mdnp; a repeatable option repeats its line). The first found wins:"
                    + " command line, environment, file, default. The file is --config FILE or MDNP_CONFIG, else "
                    + ServeCommand.DEFAULT_CONFIG_FILE + " if it exists. --print-config shows every value and where"
                    + " it came from."
        })
final class ServeCommand implements Callable<Integer> {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static final int EXIT_CANNOT_SERVE = 2;
    private static final Path DEFAULT_STATE_ROOT = Path.of("/var/lib/mdnp");
    /** The configuration file read when none is named; it may be absent. */
    static final String DEFAULT_CONFIG_FILE = "/etc/mdnp/mdnp.conf";
    static final String CONFIG_OPTION = "--config";
    static final String PRINT_CONFIG_OPTION = "--print-config";
    private static final String STATE_DIR_DEFAULT = "/var/lib/mdnp/NAME";
    private static final int EXIT_OK = 0;

    @Spec
    private CommandSpec spec;

    @Option(names = "--name", defaultValue = "mdnp", paramLabel = "NAME",
            description = "Plugin name, as in 'docker network create -d NAME' (default: ${DEFAULT-VALUE}).")
    private String name = "mdnp";

    @Option(names = "--driver-name", paramLabel = "NAME",
            description = "The driver name Docker knows the plugin by, when it differs from --name: for a managed"
                    + " plugin its full reference, e.g. mdnp/mdnp:1.0. The orphan collector and the names watcher ask"
                    + " Docker for the networks of this driver (default: the --name).")
    private @Nullable String driverName;

    @Option(names = "--plugin-dir", defaultValue = "/run/docker/plugins", paramLabel = "DIR",
            description = "Directory Docker searches for plugin sockets (default: ${DEFAULT-VALUE}).")
    private Path pluginDir = Path.of("/run/docker/plugins");

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Directory of the durable state, created 0700; one daemon at a time may use it"
                    + " (default: " + STATE_DIR_DEFAULT + ").")
    private @Nullable Path stateDir;

    @Option(names = "--inspect-socket", defaultValue = "/run/mdnp/inspect.sock", paramLabel = "PATH",
            description = "Socket of the read-only introspection channel: JSON views, the request log, events,"
                    + " /metrics (default: ${DEFAULT-VALUE}).")
    private Path inspectSocket = Path.of("/run/mdnp/inspect.sock");

    @Option(names = "--inspect-group", defaultValue = "", paramLabel = "GROUP",
            description = "Group that may read the inspect socket (mode 0660); empty: root only (the default).")
    private String inspectGroup = "";

    @Option(names = "--history", defaultValue = "10000", paramLabel = "N",
            description = "How many plugin calls the request log keeps in memory; 0 turns it off"
                    + " (default: ${DEFAULT-VALUE}).")
    private int history = 10_000;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Also append every plugin call to FILE as NDJSON (0600, rotated at 64 MiB, 3 kept),"
                    + " for replay in the inspector.")
    private @Nullable Path recordFile;

    @Option(names = "--default-pool", paramLabel = "CIDR/SIZE", split = ",",
            description = "Range that mdnp's IPAM (--ipam-driver) carves automatic pools from, as BASE/PREFIX/SIZE,"
                    + " e.g. 10.231.0.0/16/24 or fd00:1::/48/64; repeatable, or comma-separated. A range replaces the built-in one of its"
                    + " IP version (10.231.0.0/16/24 and fd6d:6e70::/48/64).")
    private List<String> defaultPools = new ArrayList<>();

    @Option(names = "--docker-host", defaultValue = "unix:///var/run/docker.sock", paramLabel = "URI",
            description = "The Docker engine that uses this plugin, asked in the background for the networks and"
                    + " endpoints it still holds, so that those it forgot in a crash are freed, and for the names of"
                    + " networks and containers the inspect socket shows (default: ${DEFAULT-VALUE}).")
    private String dockerHost = "unix:///var/run/docker.sock";

    @Option(names = "--reconcile-interval", defaultValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often Docker is asked; something it forgot is freed after two asks"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration reconcileInterval = Duration.ofSeconds(30);

    @Option(names = "--log-level", defaultValue = "info", paramLabel = "LEVEL",
            description = "error, warn, info, debug or trace (default: ${DEFAULT-VALUE}).")
    private String logLevel = "info";

    @Option(names = "--log-stream", defaultValue = "stderr", paramLabel = "STREAM",
            description = "Where the log goes: stderr or stdout. A managed plugin's stderr shows in dockerd's log"
                    + " as level=error, its stdout as level=info (default: ${DEFAULT-VALUE}).")
    private String logStream = "stderr";

    @Option(names = "--shutdown-grace", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long a stop waits for calls in flight, e.g. 10s (default: ${DEFAULT-VALUE}).")
    private Duration shutdownGrace = Duration.ofSeconds(10);

    @Option(names = CONFIG_OPTION, paramLabel = "FILE",
            description = "The configuration file; it must exist (default: " + DEFAULT_CONFIG_FILE + " if it exists).")
    private @Nullable Path configFile;

    @Option(names = PRINT_CONFIG_OPTION,
            description = "Print the value of every option and where it came from (command line, environment, file"
                    + " or default), in the file's format, and exit.")
    private boolean printConfig;

    @Override
    public Integer call() throws InterruptedException {
        if (printConfig) {
            new EffectiveConfig(spec, Map.of("state-dir", stateDir().toString(), "driver-name", driverName()))
                    .print(spec.commandLine().getOut());
            return EXIT_OK;
        }
        Logging.configure(spec.commandLine(), logLevel, logStream);
        // First, before anything asks the JDK for the inherited channel: it caches its first answer.
        Optional<ListenSource.Inherited> inherited;
        try {
            inherited = SocketActivation.ofThisProcess().take();
        } catch (ActivationException e) {
            log.error("cannot serve the socket from systemd: {}", e.getMessage());
            return EXIT_CANNOT_SERVE;
        }
        DaemonConfig config = config(inherited);
        inherited.ifPresent(socket -> warnOnUnexpectedPath(socket.path()));
        // The hook is in place before the first socket appears: a SIGTERM during start waits for the start to end,
        // then closes what it built, so no socket is ever left behind.
        CompletableFuture<Wiring> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, stopped), "mdnp-shutdown"));
        try {
            started.complete(Wiring.start(config));
        } catch (SocketInUseException e) {
            return cannotStart(started, e, "{}", e.getMessage());
        } catch (AccessDeniedException e) {
            return cannotStart(started, e, "cannot create {}: permission denied; run mdnp as root", e.getFile());
        } catch (IOException e) {
            return cannotStart(started, e, "cannot serve {}: {}", config.pluginSocket(), e.toString());
        } catch (StoreException | StoredStateException | IpamException | DriverException e) {
            return cannotStart(started, e, "cannot start from the state in {}: {}", config.stateDir(),
                    e.getMessage());
        }
        log.info("serving plugin {} on {}{}; try: docker network create -d {} NETWORK",
                name, config.pluginSocket(), inherited.isPresent() ? " (socket from systemd)" : "",
                config.driverName());
        stopped.await();
        return EXIT_OK;
    }

    private static int cannotStart(CompletableFuture<Wiring> started, Exception failure, String message,
            Object... args) {
        started.completeExceptionally(failure);
        log.error(message, args);
        return EXIT_CANNOT_SERVE;
    }

    /**
     * The shutdown hook: waits for a start in progress, then closes what it built; nothing when it failed. After a
     * stop that finished the calls in flight it ends the process with status 0: left alone, the JVM exits with 143
     * (128 + SIGTERM) even when every hook finished, which systemd records as a failure. Halting skips only the JDK's
     * own later hooks (files marked deleteOnExit; mdnp marks none that are still there).
     */
    private static void stop(CompletableFuture<Wiring> started, CountDownLatch stopped) {
        try {
            Wiring wiring = started.get();
            log.info("stopping: finishing calls in flight");
            wiring.close();
            log.info("stopped");
            Runtime.getRuntime().halt(EXIT_OK);
        } catch (ExecutionException e) {
            // the start failed and cleaned up after itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** Returns what the parsed options ask for, serving {@code inherited} if systemd passed a socket. */
    DaemonConfig config(Optional<ListenSource.Inherited> inherited) {
        try {
            Path ownSocket = pluginDir.resolve(name + ".sock");
            ListenSource pluginSocket = inherited.isPresent() ? inherited.get()
                    : new ListenSource.OwnSocket(ownSocket, PosixFilePermissions.fromString("rw-------"));
            return new DaemonConfig(name, driverName(), pluginDir, pluginSocket, stateDir(),
                    new IntrospectionOptions(inspectSocket, inspectGroup, history, Optional.ofNullable(recordFile)),
                    shutdownGrace, DefaultPools.fromOptions(defaultPools), dockerHost, reconcileInterval);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + EffectiveConfig.originsHint(spec), e);
        }
    }

    private Path stateDir() {
        return stateDir != null ? stateDir : DEFAULT_STATE_ROOT.resolve(name);
    }

    private String driverName() {
        return driverName != null ? driverName : name;
    }

    /** Docker finds a plugin by its socket's file name, so a socket elsewhere is served but may never be called. */
    void warnOnUnexpectedPath(Path socket) {
        Path expected = pluginDir.resolve(name + ".sock").toAbsolutePath().normalize();
        if (!socket.toAbsolutePath().normalize().equals(expected)) {
            log.warn("the socket from systemd is {}, not {}: Docker knows the plugin by its socket's name and"
                    + " directory, so it may call it by another name or not find it; make ListenStream= in"
                    + " mdnp.socket and --plugin-dir/--name agree", socket, expected);
        }
    }
}
