package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.client.InspectException;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.LinkView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The light reading of the counters a view shows: while wanted, each {@link #tick} reads only the links and the
 * containers again and puts them into the last full reading, with no plugin call needed and no other object read.
 * Off until a view wants it, so tests and headless runs do not poll. {@link #setWanted} may be called from any
 * thread; the rest runs on the feed's one refresh thread.
 */
final class CounterPoll {

    private static final int NOT_FOUND = 404;

    private final Clock clock;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private @Nullable DaemonObjects base;

    CounterPoll(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** Starts or stops the reading, from the next tick on. */
    void setWanted(boolean want) {
        wanted.set(want);
    }

    /** Returns whether the counters are read at each tick. */
    boolean wanted() {
        return wanted.get();
    }

    /** Notes a full reading, into which the next ticks put their counters. */
    void base(DaemonObjects objects) {
        base = objects;
    }

    /**
     * Reads the counters from {@code client} if wanted and a full reading was made; returns that reading with the new
     * counters, or empty when not wanted, before the first full reading, or when the daemon did not answer.
     */
    Optional<DaemonObjects> tick(InspectClient client) {
        DaemonObjects last = base;
        if (!wanted.get() || last == null) {
            return Optional.empty();
        }
        try {
            List<LinkView> links = client.links();
            DaemonObjects read = last.withCounters(links, containers(client), clock.instant());
            base = read;
            return Optional.of(read);
        } catch (InspectException e) {
            // The event stream reports the connection; the next tick tries again.
            return Optional.empty();
        }
    }

    /** Reads the containers; a daemon older than {@code /v1/containers} answers 404 and has none to show. */
    static List<ContainerView> containers(InspectClient client) {
        try {
            return client.containers();
        } catch (InspectException e) {
            if (e.status() == NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }
}
