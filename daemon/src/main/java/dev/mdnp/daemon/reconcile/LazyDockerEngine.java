package dev.mdnp.daemon.reconcile;

import dev.mdnp.daemon.dockerapi.DockerEngine;
import dev.mdnp.daemon.dockerapi.DockerIpamNetwork;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Docker engine client, created on the orphan collector's first question instead of at start: loading the HTTP
 * client takes seconds, and neither Docker's first calls nor a SIGTERM right after start should wait for it.
 */
public final class LazyDockerEngine implements DockerView, AutoCloseable {

    private final String dockerHost;
    private final Duration timeout;
    /** Guarded by {@code this}. */
    private @Nullable DockerEngine engine;
    /** Guarded by {@code this}. */
    private boolean closed;

    /**
     * Creates the lazy client; nothing is loaded or connected yet.
     *
     * @param dockerHost the engine's socket as a {@code unix:///path} URI
     * @param timeout how long one request may take
     */
    public LazyDockerEngine(String dockerHost, Duration timeout) {
        this.dockerHost = dockerHost;
        this.timeout = timeout;
    }

    @Override
    public List<DockerNetwork> networksOfDriver(String driverName) {
        return engine().networksOfDriver(driverName);
    }

    @Override
    public List<DockerIpamNetwork> networksOfIpamDriver(String ipamDriver) {
        return engine().networksOfIpamDriver(ipamDriver);
    }

    private synchronized DockerEngine engine() {
        if (closed) {
            throw new IllegalStateException("docker engine client is closed");
        }
        if (engine == null) {
            engine = DockerEngine.connect(dockerHost, timeout);
        }
        return engine;
    }

    /** Closes the engine client, if one was created; later questions fail. */
    @Override
    public synchronized void close() {
        closed = true;
        if (engine != null) {
            engine.close();
        }
    }
}
