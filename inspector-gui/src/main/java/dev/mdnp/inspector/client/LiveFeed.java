package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.client.EventSubscription;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.client.InspectException;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.InspectEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A running daemon, read through its inspect socket: every recorded call from the oldest the daemon keeps, then
 * live; the objects read again whenever the stream (re)connects, the state or a link changes, or calls were lost.
 * Each repair of the firewall is reported once, from the event stream or from the daemon's list of repairs, read on
 * every (re)connect so that one made while the inspector was away is shown too. Reconnects with backoff when the
 * daemon goes away, and notices when it comes back as a new run. While a view wants the counters
 * ({@link #setCountersWanted}), the links and containers are read every {@link #COUNTER_INTERVAL} as well, so traffic
 * shows without waiting for a plugin call.
 */
public final class LiveFeed implements Feed {

    /** How long one call to the daemon may take. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** Changes closer together than this are read in one go: a container start changes several things. */
    private static final Duration REFRESH_DELAY = Duration.ofMillis(150);
    /** How often the counters are read while a view wants them: a ping a second shows as it happens. */
    static final Duration COUNTER_INTERVAL = Duration.ofSeconds(1);

    private final Path socket;
    private final Clock clock;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CounterPoll counters;
    /** The repairs reported so far: the list read on connecting and the stream's replay name some of them twice. */
    private final Set<FirewallRepairView> repairsReported = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean connected;
    private Consumer<FeedUpdate> sink = update -> { };
    private InspectClient client;
    private ScheduledExecutorService refresher;
    private EventSubscription subscription;
    /** The number of the last event seen; only the subscription's thread writes it. */
    private long lastSeen;

    /** Creates a feed of the daemon whose inspect socket is {@code socket}; it connects on {@link #start}. */
    public LiveFeed(Path socket) {
        this(socket, Clock.systemUTC());
    }

    LiveFeed(Path socket, Clock clock) {
        this.socket = requireNonNull(socket, "socket");
        this.clock = requireNonNull(clock, "clock");
        this.counters = new CounterPoll(clock);
    }

    @Override
    public synchronized void start(Consumer<FeedUpdate> sink) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the feed of " + socket + " was started before");
        }
        this.sink = requireNonNull(sink, "sink");
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mdnp-inspector-refresh");
            thread.setDaemon(true);
            return thread;
        });
        client = InspectClient.connect(socket, CALL_TIMEOUT);
        subscription = client.subscribe(0, this::onEvent, this::onState);
        refresher.scheduleAtFixedRate(this::readCounters, COUNTER_INTERVAL.toMillis(), COUNTER_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts or stops reading the counters every {@link #COUNTER_INTERVAL}: true while a view that shows them (the
     * topology, the links table) is on screen. Off by default; any thread.
     */
    public void setCountersWanted(boolean wanted) {
        counters.setWanted(wanted);
    }

    @Override
    public String source() {
        return socket.toString();
    }

    private void onState(ConnectionState state) {
        sink.accept(new FeedUpdate.Connection(state));
        connected = state instanceof ConnectionState.Connected;
        if (connected && !closed) {
            refresher.execute(this::readRepairs);
            refreshSoon();
        }
    }

    private void onEvent(InspectEvent event) {
        if (event instanceof InspectEvent.Request request) {
            sink.accept(new FeedUpdate.Request(request.record()));
        } else if (event instanceof InspectEvent.Lost lost) {
            sink.accept(new FeedUpdate.Gap(lastSeen, lost.firstKept()));
            refreshSoon();
        } else if (event instanceof InspectEvent.FirewallRepaired firewall) {
            reportRepair(firewall.repair());
        } else {
            refreshSoon(); // a state or link change
        }
        lastSeen = event.seq();
    }

    /** Reads the objects again shortly, once for any number of changes that come meanwhile. */
    private void refreshSoon() {
        if (!closed && refreshPending.compareAndSet(false, true)) {
            refresher.schedule(this::refresh, REFRESH_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refresh() {
        refreshPending.set(false);
        try {
            InfoView info = client.info();
            DaemonObjects read = new DaemonObjects(info, client.networks(), client.endpoints(),
                    CounterPoll.containers(client), client.links(), client.pools(), clock.instant());
            counters.base(read);
            sink.accept(new FeedUpdate.Objects(read));
        } catch (InspectException e) {
            // The event stream reports the connection; the next (re)connect reads the objects again.
        }
    }

    /** Reads the counters if a view wants them, the daemon is there and no full reading is on its way. */
    private void readCounters() {
        if (connected && !closed && !refreshPending.get()) {
            counters.tick(client).ifPresent(read -> sink.accept(new FeedUpdate.Objects(read)));
        }
    }

    private void readRepairs() {
        List<FirewallRepairView> repairs;
        try {
            repairs = client.firewallRepairs();
        } catch (InspectException e) {
            // A 404 comes from a daemon older than repairs: there are none to show. After any other failure the next
            // (re)connect reads them again.
            return;
        }
        repairs.forEach(this::reportRepair);
    }

    private void reportRepair(FirewallRepairView repair) {
        if (repairsReported.add(repair)) {
            sink.accept(new FeedUpdate.FirewallRepair(repair));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
    }
}
