package dev.mdnp.daemon.names;

import dev.mdnp.daemon.dockerapi.DockerContainer;
import dev.mdnp.daemon.dockerapi.DockerEngineException;
import dev.mdnp.daemon.dockerapi.DockerEvent;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@link NameWatcher} asks the Docker engine: the questions of {@link dev.mdnp.daemon.dockerapi.DockerEngine}
 * it needs, so that a test can answer them. Every method may throw {@link DockerEngineException}.
 */
interface NameSource extends AutoCloseable {

    /** Returns every network of the driver {@code driverName}, with its endpoints. */
    List<DockerNetwork> networksOfDriver(String driverName);

    /** Returns the container {@code containerId}, empty when the engine knows none. */
    Optional<DockerContainer> container(String containerId);

    /**
     * Opens the event stream, calls {@code opened} once it is open, then hands each event to {@code sink} until the
     * stream ends (a normal return) or breaks (a throw); {@link #close()} breaks it.
     */
    void followEvents(Runnable opened, Consumer<DockerEvent> sink);

    /** Releases the connection to the engine; a stream being followed breaks. */
    @Override
    void close();
}
