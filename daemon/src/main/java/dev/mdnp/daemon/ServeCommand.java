package dev.mdnp.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.mdnp.daemon.cli.DurationConverter;
import dev.mdnp.daemon.driver.DriverException;
import dev.mdnp.daemon.ipam.DefaultPools;
import dev.mdnp.daemon.ipam.IpamException;
import dev.mdnp.daemon.persistence.StoredStateException;
import dev.mdnp.daemon.store.StoreException;
import dev.mdnp.daemon.transport.SocketInUseException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            "Then: docker network create -d <name> NETWORK"
        })
final class ServeCommand implements Callable<Integer> {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static final int EXIT_CANNOT_SERVE = 2;
    private static final Path DEFAULT_STATE_ROOT = Path.of("/var/lib/mdnp");

    @Spec
    private CommandSpec spec;

    @Option(names = "--name", defaultValue = "mdnp", paramLabel = "NAME",
            description = "Plugin name, as in 'docker network create -d NAME' (default: ${DEFAULT-VALUE}).")
    private String name = "mdnp";

    @Option(names = "--plugin-dir", defaultValue = "/run/docker/plugins", paramLabel = "DIR",
            description = "Directory Docker searches for plugin sockets (default: ${DEFAULT-VALUE}).")
    private Path pluginDir = Path.of("/run/docker/plugins");

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Directory of the durable state, created 0700; one daemon at a time may use it"
                    + " (default: /var/lib/mdnp/NAME).")
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

    @Option(names = "--default-pool", paramLabel = "CIDR/SIZE",
            description = "Range that mdnp's IPAM (--ipam-driver) carves automatic pools from, as BASE/PREFIX/SIZE,"
                    + " e.g. 10.231.0.0/16/24 or fd00:1::/48/64; repeatable. A range replaces the built-in one of its"
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

    @Option(names = "--shutdown-grace", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long a stop waits for calls in flight, e.g. 10s (default: ${DEFAULT-VALUE}).")
    private Duration shutdownGrace = Duration.ofSeconds(10);

    @Override
    public Integer call() throws InterruptedException {
        setLogLevel(logLevel);
        DaemonConfig config = config();
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
        log.info("serving plugin {} on {}; try: docker network create -d {} NETWORK",
                name, config.pluginSocket(), name);
        stopped.await();
        return 0;
    }

    private static int cannotStart(CompletableFuture<Wiring> started, Exception failure, String message,
            Object... args) {
        started.completeExceptionally(failure);
        log.error(message, args);
        return EXIT_CANNOT_SERVE;
    }

    /** The shutdown hook: waits for a start in progress, then closes what it built; nothing when it failed. */
    private static void stop(CompletableFuture<Wiring> started, CountDownLatch stopped) {
        try {
            Wiring wiring = started.get();
            log.info("stopping: finishing calls in flight");
            wiring.close();
            log.info("stopped");
        } catch (ExecutionException e) {
            // the start failed and cleaned up after itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private DaemonConfig config() {
        try {
            Path state = stateDir != null ? stateDir : DEFAULT_STATE_ROOT.resolve(name);
            return new DaemonConfig(name, pluginDir, state, new IntrospectionOptions(inspectSocket, inspectGroup,
                    history, Optional.ofNullable(recordFile)), shutdownGrace,
                    DefaultPools.fromOptions(defaultPools), dockerHost, reconcileInterval);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void setLogLevel(String level) {
        Level parsed = Level.toLevel(level, null);
        if (parsed == null) {
            throw new ParameterException(spec.commandLine(), "unknown log level \"" + level
                    + "\": use error, warn, info, debug or trace");
        }
        ((Logger) LoggerFactory.getLogger(Main.class.getPackageName())).setLevel(parsed);
    }
}
