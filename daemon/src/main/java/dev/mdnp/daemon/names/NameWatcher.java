package dev.mdnp.daemon.names;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dockerapi.DockerAttachment;
import dev.mdnp.daemon.dockerapi.DockerContainer;
import dev.mdnp.daemon.dockerapi.DockerEndpoint;
import dev.mdnp.daemon.dockerapi.DockerEngine;
import dev.mdnp.daemon.dockerapi.DockerEngineException;
import dev.mdnp.daemon.dockerapi.DockerEvent;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import dev.mdnp.model.client.Backoff;
import dev.mdnp.model.inspect.ContainerRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link KnownNames} current from the Docker engine, on a daemon thread of its own ({@code mdnp-docker-names}):
 * it opens the engine's event stream, lists the driver's networks and their containers once the stream is open (at
 * start and after every reconnect, so nothing that happened while it was away is missed), then applies each event
 * (network create, destroy, connect, disconnect; container rename, destroy). When the engine cannot be reached or the
 * stream breaks it tries again with a growing delay, and what it knew stays served meanwhile.
 *
 * <p>Never called by a plugin call: the plugin's answers never wait for it. {@link #close()} stops the thread and
 * releases the engine's client.
 */
public final class NameWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NameWatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);
    private static final long JOIN_SECONDS = 5;

    private final Supplier<NameSource> connect;
    private final String driverName;
    private final KnownNames names;
    private final Backoff backoff;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    /** Guarded by {@code this}; set once the watcher's thread created it. */
    private @Nullable NameSource source;
    /** Whether the engine was away at the last attempt; the watcher's thread only. */
    private boolean away;

    NameWatcher(Supplier<NameSource> connect, String driverName, KnownNames names, Backoff backoff) {
        this.connect = requireNonNull(connect, "connect");
        this.driverName = requireNonNull(driverName, "driverName");
        this.names = requireNonNull(names, "names");
        this.backoff = requireNonNull(backoff, "backoff");
        this.thread = new Thread(this::run, "mdnp-docker-names");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching the engine at {@code dockerHost} for the networks of the driver {@code driverName}; the
     * engine's client is created on the watcher's thread, so the start does not wait for it.
     *
     * @param timeout how long one request may take (the event stream itself has no limit)
     */
    public static NameWatcher start(String dockerHost, Duration timeout, String driverName, KnownNames names) {
        NameWatcher watcher = new NameWatcher(() -> new EngineNameSource(DockerEngine.connect(dockerHost, timeout)),
                driverName, names, new Backoff(FIRST_RETRY, LAST_RETRY));
        watcher.start();
        return watcher;
    }

    void start() {
        thread.start();
    }

    /** Stops watching: breaks the stream or the wait before a retry and waits up to 5 s for the thread to end. */
    @Override
    public void close() {
        closing.countDown();
        synchronized (this) {
            if (source != null) {
                source.close();
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(JOIN_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean closed() {
        return closing.getCount() == 0;
    }

    private void run() {
        NameSource engine;
        try {
            engine = connect.get();
        } catch (RuntimeException e) {
            // The top of this thread: without a client there are no names, and ids are shown.
            log.error("docker names: cannot create the docker engine client; ids are shown instead", e);
            return;
        }
        synchronized (this) {
            if (closed()) {
                engine.close();
                return;
            }
            source = engine;
        }
        try {
            while (!closed()) {
                String reason = follow(engine);
                if (closed()) {
                    break;
                }
                Duration delay = backoff.next();
                if (away) {
                    log.debug("docker names still unavailable retry_in={}ms reason={}", delay.toMillis(), reason);
                } else {
                    log.warn("docker names unavailable, ids are shown instead; retrying reason={}", reason);
                    away = true;
                }
                if (closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Follows the engine until the stream ends or breaks; returns why. */
    private String follow(NameSource engine) {
        try {
            engine.followEvents(() -> relist(engine), event -> apply(engine, event));
            return "docker ended its event stream";
        } catch (DockerEngineException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            // The top of this thread: a bug must not end the names for the daemon's life.
            log.error("docker names: unexpected failure, retrying", e);
            return e.toString();
        }
    }

    /** Replaces what is known with the engine's listing; the stream is open, so later changes are not lost. */
    private void relist(NameSource engine) {
        List<DockerNetwork> networks = engine.networksOfDriver(driverName);
        Map<String, String> networkNames = new HashMap<>();
        Set<String> containerIds = new LinkedHashSet<>();
        for (DockerNetwork network : networks) {
            networkNames.put(network.id(), network.name());
            network.endpoints().stream().map(DockerEndpoint::containerId).forEach(containerIds::add);
        }
        Map<String, ContainerRef> containers = new HashMap<>();
        for (String containerId : containerIds) {
            engine.container(containerId)
                    .ifPresent(container -> containers.putAll(byEndpoint(container, networkNames::containsKey)));
        }
        names.replaceAll(networkNames, containers);
        backoff.reset();
        if (away) {
            log.info("docker names available again networks={} endpoints={}", networkNames.size(),
                    containers.size());
            away = false;
        }
    }

    private void apply(NameSource engine, DockerEvent event) {
        if (event.type().equals("network") && event.attribute("type").equals(driverName)) {
            switch (event.action()) {
                case "create":
                    names.networkNamed(event.actorId(), event.attribute("name"));
                    break;
                case "destroy":
                    names.networkGone(event.actorId());
                    break;
                case "connect":
                case "disconnect":
                    refresh(engine, event.attribute("container"));
                    break;
                default:
                    break;
            }
        } else if (event.type().equals("container")) {
            if (event.action().equals("rename")) {
                refresh(engine, event.actorId());
            } else if (event.action().equals("destroy")) {
                names.containerGone(event.actorId());
            }
        }
    }

    /** Asks the engine for the container again and records what it is attached with now. */
    private void refresh(NameSource engine, String containerId) {
        if (containerId.isEmpty()) {
            return;
        }
        engine.container(containerId).ifPresentOrElse(
                container -> names.containerAttached(container.id(),
                        byEndpoint(container, names::knowsNetwork)),
                () -> names.containerGone(containerId));
    }

    /** Returns the container as each of its endpoints on a network of mdnp names it, by endpoint id. */
    private static Map<String, ContainerRef> byEndpoint(DockerContainer container, Predicate<String> ours) {
        Map<String, ContainerRef> refs = new HashMap<>();
        for (DockerAttachment attachment : container.attachments()) {
            if (!attachment.endpointId().isEmpty() && ours.test(attachment.networkId())) {
                refs.put(attachment.endpointId(),
                        new ContainerRef(container.id(), container.name(), attachment.aliases()));
            }
        }
        return refs;
    }
}
