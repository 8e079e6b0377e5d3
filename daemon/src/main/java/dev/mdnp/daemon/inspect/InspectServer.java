package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.transport.PeerPolicy;
import dev.mdnp.daemon.transport.UnixSocketServer;
import dev.mdnp.daemon.transport.UnixSocketServerConfig;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The introspection channel: a read-only HTTP server on its own UNIX socket (mode 0660, the group of
 * {@code --inspect-group}) serving {@code /v1/info}, {@code /v1/networks[/{id}]}, {@code /v1/endpoints},
 * {@code /v1/links}, {@code /v1/ipam/pools}, {@code /v1/requests}, {@code /v1/events} (SSE) and {@code /metrics}.
 * Starting it also starts the request log file (if configured), the metrics and the kernel link watch.
 *
 * <pre>{@code
 * curl --unix-socket /run/mdnp/inspect.sock http://mdnp/v1/networks
 * }</pre>
 *
 * <p>Thread safety: {@link #close()} may be called from any thread, more than once.
 */
public final class InspectServer implements AutoCloseable {

    /** How many clients may follow {@code /v1/events} at once; each holds a worker thread. */
    static final int MAX_EVENT_CLIENTS = 32;
    private static final Logger log = LoggerFactory.getLogger(InspectServer.class);
    private static final int BACKLOG = 128;
    private static final int IO_THREADS = 1;
    private static final int WORKER_THREADS = MAX_EVENT_CLIENTS + 8;

    private final List<AutoCloseable> parts;
    private final EventStreamHandler stream;
    private final UnixSocketServer server;
    private boolean closed;

    private InspectServer(List<AutoCloseable> parts, EventStreamHandler stream, UnixSocketServer server) {
        this.parts = parts;
        this.stream = stream;
        this.server = server;
    }

    /**
     * Starts the request log, the metrics and the link watch, then serves the socket; the socket appears only once
     * it serves. A link watch that cannot start (no netlink) is logged and the server runs without link events.
     *
     * @throws java.nio.file.attribute.UserPrincipalNotFoundException if the group does not exist
     * @throws IOException if the request log or the socket cannot be created
     */
    public static InspectServer start(InspectServerConfig config, InspectSources sources) throws IOException {
        requireNonNull(config, "config");
        requireNonNull(sources, "sources");
        @Nullable GroupPrincipal group = config.group().isEmpty() ? null
                : FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(config.group());
        ObjectMapper mapper = JsonMappers.create();
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            RequestRecorder recorder = null;
            if (config.recordFile() != null) {
                recorder = RequestRecorder.start(config.recordFile(), config.recordMaxBytes(), config.recordKeep(),
                        RequestRecorder.QUEUE_CAPACITY, mapper.writerFor(RequestRecord.class));
                parts.add(recorder);
                parts.add(sources.history().tap(recorder));
            }
            InspectMetrics metrics = new InspectMetrics(sources, recorder == null ? () -> 0 : recorder::dropped);
            parts.add(metrics::close);
            parts.add(sources.history().observe(metrics)); // counts and histograms need no order
            parts.add(watchLinks(sources));
            Replies replies = new Replies(mapper);
            EventStreamHandler stream = new EventStreamHandler(sources.events(), sources.startedAt(), mapper, replies,
                    MAX_EVENT_CLIENTS);
            parts.add(stream::stop);
            InspectRoutes routes = new InspectRoutes(new Snapshots(sources), replies, metrics, stream);
            UnixSocketServer server = UnixSocketServer.start(serverConfig(config), routes);
            parts.add(server);
            if (group != null) {
                Files.getFileAttributeView(server.socketPath(), PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).setGroup(group);
            }
            log.info("inspect socket ready path={} group={}", server.socketPath(),
                    config.group().isEmpty() ? "(daemon's)" : config.group());
            return new InspectServer(parts, stream, server);
        } catch (IOException | RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    /** Returns the socket path. */
    public Path socketPath() {
        return server.socketPath();
    }

    /** Returns how many clients follow {@code /v1/events} now. */
    public int streamClients() {
        return stream.clients();
    }

    /**
     * Stops: ends the event streams, stops serving (the socket file goes first, requests in flight get the grace),
     * then stops the link watch, the metrics and the request log, which writes what it still holds.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stream.stop();
        closeAll(parts);
    }

    private static AutoCloseable watchLinks(InspectSources sources) {
        LinkEventPublisher publisher = new LinkEventPublisher(sources.driverState(), sources.links(),
                sources.events());
        try {
            publisher.resync();
            return sources.links().watch(publisher);
        } catch (NetlinkException | IllegalStateException e) {
            log.warn("inspect runs without kernel link events: {}", e.getMessage());
            return () -> { };
        }
    }

    private static UnixSocketServerConfig serverConfig(InspectServerConfig config) {
        return new UnixSocketServerConfig(config.socketPath(), PosixFilePermissions.fromString("rw-rw----"),
                BACKLOG, IO_THREADS, WORKER_THREADS, PeerPolicy.anyone(), config.shutdownGrace());
    }

    /** Closes in reverse order of creation. */
    private static void closeAll(List<AutoCloseable> parts) {
        List<AutoCloseable> reversed = new ArrayList<>(parts);
        Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) { // the top of shutdown: one part failing must not keep the others open
                log.warn("closing an inspect part failed", e);
            }
        }
    }
}
