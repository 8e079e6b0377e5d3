package dev.mdnp.daemon.names;

import dev.mdnp.daemon.dockerapi.DockerAttachment;
import dev.mdnp.daemon.dockerapi.DockerContainer;
import dev.mdnp.daemon.dockerapi.DockerEndpoint;
import dev.mdnp.daemon.dockerapi.DockerEngineException;
import dev.mdnp.daemon.dockerapi.DockerEvent;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory Docker engine of one driver's networks and their containers: the test attaches and renames containers
 * and emits the events the real engine would; the stream ends when the test says so, and the engine can be away.
 */
final class FakeNameSource implements NameSource {

    private static final DockerEvent END = new DockerEvent("", "", "", Map.of());

    private final Map<String, String> networks = new ConcurrentHashMap<>();
    private final Map<String, DockerContainer> containers = new ConcurrentHashMap<>();
    private final BlockingQueue<DockerEvent> events = new LinkedBlockingQueue<>();
    private final AtomicInteger listings = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean away;
    private volatile boolean closed;

    void network(String id, String name) {
        networks.put(id, name);
    }

    void container(DockerContainer container) {
        containers.put(container.id(), container);
    }

    void removeContainer(String id) {
        containers.remove(id);
    }

    /** Makes the engine unreachable (true) or reachable again; an open stream ends when it goes away. */
    void away(boolean unreachable) {
        away = unreachable;
        if (unreachable) {
            events.add(END);
        }
    }

    void emit(DockerEvent event) {
        events.add(event);
    }

    /** How many times the networks were listed. */
    int listings() {
        return listings.get();
    }

    /** How many times the event stream was asked for, reachable or not. */
    int attempts() {
        return attempts.get();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public List<DockerNetwork> networksOfDriver(String driverName) {
        reachable();
        listings.incrementAndGet();
        List<DockerNetwork> listed = new ArrayList<>();
        networks.forEach((id, name) -> listed.add(new DockerNetwork(id, name, containers.values().stream()
                .flatMap(container -> container.attachments().stream()
                        .filter(attachment -> attachment.networkId().equals(id))
                        .map(attachment -> endpoint(container, attachment)))
                .toList())));
        return listed;
    }

    @Override
    public Optional<DockerContainer> container(String containerId) {
        reachable();
        return Optional.ofNullable(containers.get(containerId));
    }

    @Override
    public void followEvents(Runnable opened, Consumer<DockerEvent> sink) {
        attempts.incrementAndGet();
        reachable();
        opened.run();
        while (true) {
            DockerEvent event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerEngineException("interrupted", e);
            }
            if (event == END) {
                reachable();
                return;
            }
            sink.accept(event);
        }
    }

    @Override
    public void close() {
        closed = true;
        events.add(END);
    }

    private void reachable() {
        if (away || closed) {
            throw new DockerEngineException("cannot talk to the fake engine");
        }
    }

    private static DockerEndpoint endpoint(DockerContainer container, DockerAttachment attachment) {
        return new DockerEndpoint(attachment.endpointId(), container.id(), "", "");
    }
}
