package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.inspect.InspectEvent;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /v1/events} as Server-Sent Events: one frame per event ({@link SseFrames}), {@code id} its sequence
 * number, {@code event} its kind ({@code request}, {@code state}, {@code link}, {@code lost}), {@code data} its JSON.
 * A client resumes after the last id it saw with {@code Last-Event-ID} (which wins) or {@code ?after=SEQ}; without
 * either it gets the events published from now on. Event numbers begin at 1 again when the daemon restarts, so every
 * stream names the daemon's run in its {@code Mdnp-Started-At} header; a client that sends that header back with a
 * resume point from another run is told that the events it asked for are lost and gets every event this run keeps,
 * as a client whose id is beyond the last event is.
 *
 * <p>Each client has its own cursor into the shared, bounded {@link EventLog}: the producer never waits for a
 * client. A client that reads too slowly (or resumes too late) gets an {@link InspectEvent.Lost} and goes on with
 * the oldest event kept. The stream blocks a worker thread per client, so the number of clients is capped; a
 * comment line every {@link #KEEPALIVE} finds clients that went away. While events keep coming, a stream writes at
 * most once per {@link #WRITE_INTERVAL}, everything published since its last write in one go.
 *
 * <p>Thread safety: one instance serves every client; the client count is atomic and {@link #stop()} may run on any
 * thread.
 */
final class EventStreamHandler implements HttpHandler {

    static final Duration KEEPALIVE = Duration.ofSeconds(15);
    /**
     * The least time between two writes of a stream while events keep coming: at most this much delay for an event,
     * and at most one write, and one wake-up of the client, per interval instead of one per event. 25 ms is below
     * what a reader notices (the inspector draws at most one frame per 16 ms, {@code mdnp log -f} prints lines) and
     * at the cheapest call's rate, about 20,000 calls per second, fills about one {@link #BATCH}: a longer interval
     * would only be cut short by full batches.
     */
    static final Duration WRITE_INTERVAL = Duration.ofMillis(25);
    private static final Logger log = LoggerFactory.getLogger(EventStreamHandler.class);
    private static final int BATCH = 512;
    /** Frames kept for the other streams: live followers read near the newest events, within a few batches. */
    private static final int FRAME_CACHE = 4 * BATCH;
    /** The daemon's start, naming its run: sent with every stream, and echoed by clients that resume. */
    private static final HttpString STARTED_AT = new HttpString("Mdnp-Started-At");
    private static final HttpString LAST_EVENT_ID = new HttpString("Last-Event-ID");
    /** A cursor beyond every event of this run: the log answers it with a lost notice and its oldest event. */
    private static final long ANOTHER_RUN = Long.MAX_VALUE;
    private static final byte[] PROLOGUE = "retry: 2000\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEPALIVE_LINE = ": keepalive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventLog events;
    private final String startedAt;
    private final SseFrames sseFrames;
    private final Replies replies;
    private final int maxClients;
    private final AtomicInteger clients = new AtomicInteger();
    private volatile boolean stopping;

    EventStreamHandler(EventLog events, Instant startedAt, ObjectMapper mapper, Replies replies, int maxClients) {
        this.events = requireNonNull(events, "events");
        this.startedAt = startedAt.toString();
        this.sseFrames = new SseFrames(mapper.writerFor(InspectEvent.class), FRAME_CACHE);
        this.replies = requireNonNull(replies, "replies");
        this.maxClients = maxClients;
    }

    /** Returns how many clients are streaming now. */
    int clients() {
        return clients.get();
    }

    /** Ends every stream after its current write and refuses new ones, as the server does when it stops. */
    void stop() {
        stopping = true;
        events.wakeReaders();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long cursor = resumePoint(exchange).map(after -> after == 0 || ofThisRun(exchange) ? after : ANOTHER_RUN)
                .orElseGet(events::lastSeq);
        if (stopping) {
            replies.error(exchange, 503, "the inspect server is stopping");
            return;
        }
        if (clients.incrementAndGet() > maxClients) {
            clients.decrementAndGet();
            replies.error(exchange, 503, "too many event stream clients (at most " + maxClients + ")");
            return;
        }
        try {
            stream(exchange, cursor);
        } catch (IOException e) {
            log.debug("event stream client went away: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.decrementAndGet();
        }
    }

    private void stream(HttpServerExchange exchange, long after) throws IOException, InterruptedException {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseHeaders().put(STARTED_AT, startedAt);
        exchange.startBlocking();
        OutputStream out = exchange.getOutputStream();
        out.write(PROLOGUE);
        out.flush();
        long cursor = after;
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        while (!stopping) {
            List<InspectEvent> batch = events.await(cursor, BATCH, KEEPALIVE);
            if (stopping) {
                break;
            }
            long wroteAt = System.nanoTime();
            if (batch.isEmpty()) {
                out.write(KEEPALIVE_LINE);
            } else {
                frames.reset();
                sseFrames.appendAll(batch, frames, clients.get() > 1);
                cursor = batch.get(batch.size() - 1).seq();
                frames.writeTo(out);
            }
            out.flush();
            if (batch.size() < BATCH) { // after a full batch more is waiting: no pause
                // Not waiting on the log meanwhile: what is published now costs its publisher no wake-up and goes
                // out with the next write. A negative time does not sleep.
                TimeUnit.NANOSECONDS.sleep(wroteAt + WRITE_INTERVAL.toNanos() - System.nanoTime());
            }
        }
        out.close();
    }

    /** Returns whether a resume point is one of this run's numbers: the client names no run, or this one. */
    private boolean ofThisRun(HttpServerExchange exchange) {
        String run = exchange.getRequestHeaders().getFirst(STARTED_AT);
        return run == null || run.isBlank() || run.strip().equals(startedAt);
    }

    private static Optional<Long> resumePoint(HttpServerExchange exchange) {
        String lastEventId = exchange.getRequestHeaders().getFirst(LAST_EVENT_ID);
        if (lastEventId != null && !lastEventId.isBlank()) {
            return Optional.of(QueryParams.parse("Last-Event-ID", lastEventId, 0, Long.MAX_VALUE));
        }
        return QueryParams.number(exchange, "after", 0, Long.MAX_VALUE);
    }
}
