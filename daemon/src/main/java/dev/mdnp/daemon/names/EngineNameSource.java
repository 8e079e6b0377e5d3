package dev.mdnp.daemon.names;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dockerapi.DockerContainer;
import dev.mdnp.daemon.dockerapi.DockerEngine;
import dev.mdnp.daemon.dockerapi.DockerEvent;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link NameSource} of a real engine: each question goes to its {@link DockerEngine}, which it owns. */
final class EngineNameSource implements NameSource {

    private final DockerEngine engine;

    EngineNameSource(DockerEngine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    @Override
    public List<DockerNetwork> networksOfDriver(String driverName) {
        return engine.networksOfDriver(driverName);
    }

    @Override
    public Optional<DockerContainer> container(String containerId) {
        return engine.container(containerId);
    }

    @Override
    public void followEvents(Runnable opened, Consumer<DockerEvent> sink) {
        engine.followEvents(opened, sink);
    }

    @Override
    public void close() {
        engine.close();
    }
}
