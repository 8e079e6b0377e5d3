package dev.mdnp.model.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mdnp.model.inspect.InspectEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.jspecify.annotations.Nullable;

/**
 * A running subscription to the daemon's event stream, made by {@link InspectClient#subscribe}: a thread of its own
 * that opens {@code /v1/events} on the client's socket, parses the Server-Sent Events, hands each event on, and
 * reconnects with backoff, resuming after the last event id it saw and naming the daemon run that id was seen in: a
 * restarted daemon, which numbers its events from 1 again, answers with an {@link InspectEvent.Lost} and every event
 * it keeps, even when it has numbered past that id by then.
 *
 * <p>Thread safety: {@link #close()} and {@link #lastSeq()} may be called from any thread, a callback included. The
 * subscription thread alone reads the stream and calls the callbacks; {@code lastSeq} is volatile, and the current
 * request is published through a volatile field so that {@code close()} can abort it.
 */
public final class EventSubscription implements AutoCloseable {

    private static final long JOIN_MILLIS = 5_000;
    /** The header that names the daemon's run on an event stream, sent back with a resume point. */
    private static final String STARTED_AT = "Mdnp-Started-At";

    private final InspectClient client;
    private final Consumer<InspectEvent> onEvent;
    private final Consumer<ConnectionState> onState;
    private final Backoff backoff;
    private final Duration idleTimeout;
    private final Consumer<EventSubscription> onEnd;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile long lastSeq;
    /** The run {@code lastSeq} counts in, as the last stream named it; read and written by the thread only. */
    private @Nullable String run;
    private volatile @Nullable EventStream current;
    private volatile String endReason = "closed";

    EventSubscription(InspectClient client, long after, Consumer<InspectEvent> onEvent,
            Consumer<ConnectionState> onState, Backoff backoff, Duration idleTimeout,
            Consumer<EventSubscription> onEnd) {
        this.client = client;
        this.lastSeq = after;
        this.onEvent = onEvent;
        this.onState = onState;
        this.backoff = backoff;
        this.idleTimeout = idleTimeout;
        this.onEnd = onEnd;
        this.thread = new Thread(this::run, "mdnp-inspect-events");
        thread.setDaemon(true);
    }

    /**
     * Returns the sequence number of the last event delivered (the one a reconnect resumes after); the {@code after}
     * the subscription started with until the first event, -1 for the daemon's default.
     */
    public long lastSeq() {
        return lastSeq;
    }

    /** Returns whether the subscription has ended: closed, or stopped by a callback that threw. */
    public boolean isClosed() {
        return closing.getCount() == 0 && !thread.isAlive();
    }

    /**
     * Stops the subscription: aborts the stream or the wait before a reconnect, and, unless called on the
     * subscription's own thread, waits up to 5 s for the thread to end. The last callback is
     * {@link ConnectionState.Closed}. Calling it again does nothing.
     */
    @Override
    public void close() {
        closing.countDown();
        EventStream stream = current;
        if (stream != null) {
            stream.request().abort(new IOException("event subscription closed"));
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void start() {
        thread.start();
    }

    private boolean closed() {
        return closing.getCount() == 0;
    }

    private void run() {
        try {
            int attempt = 0;
            while (!closed()) {
                attempt++;
                if (!state(new ConnectionState.Connecting(attempt, lastSeq))) {
                    break;
                }
                String reason;
                try {
                    reason = follow();
                    attempt = 0;
                } catch (InspectException e) {
                    reason = e.getMessage();
                } catch (ConsumerFailure e) {
                    endReason = e.getMessage();
                    break;
                }
                if (closed()) {
                    break;
                }
                Duration delay = backoff.next();
                if (!state(new ConnectionState.Disconnected(reason, delay))) {
                    break;
                }
                if (closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            endReason = "interrupted";
        } finally {
            closing.countDown();
            onEnd.accept(this);
            state(new ConnectionState.Closed(endReason));
        }
    }

    /**
     * Opens the stream and reads it to its end; returns why it ended.
     *
     * @throws InspectException if it cannot be opened
     * @throws ConsumerFailure if a callback threw
     */
    private String follow() {
        EventStream stream = open();
        current = stream;
        if (stream.run() != null) {
            run = stream.run();
        }
        try (InputStream body = stream.body()) {
            if (closed()) {
                return "closed";
            }
            backoff.reset();
            if (!state(new ConnectionState.Connected(lastSeq))) {
                throw new ConsumerFailure(endReason);
            }
            SseReader reader = new SseReader(new BufferedInputStream(body));
            for (SseReader.SseMessage message = reader.next(); message != null; message = reader.next()) {
                deliver(message);
            }
            return client.daemon() + " ended the event stream";
        } catch (IOException e) {
            return "event stream from " + client.daemon() + " broke: " + e.getMessage();
        } finally {
            current = null;
        }
    }

    /**
     * Opens {@code GET /v1/events}, resuming after {@link #lastSeq} when it is not -1, and waits for the response
     * head. It names the run that id was seen in ({@code Mdnp-Started-At}) when known: a daemon started since then
     * numbers its events anew, and answers with a lost notice and every event it keeps.
     *
     * @throws InspectException if it cannot be opened or the daemon answers with anything but 200
     */
    private EventStream open() {
        long after = lastSeq;
        @Nullable String run = this.run;
        UnixHttp http = client.http();
        String target = after < 0 ? "/v1/events" : "/v1/events?after=" + after;
        Request request = http.request(target)
                .accept("text/event-stream")
                .idleTimeout(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (after >= 0) {
            request.headers(headers -> headers.put("Last-Event-ID", Long.toString(after)));
            if (run != null) {
                request.headers(headers -> headers.put(STARTED_AT, run));
            }
        }
        UnixHttp.StreamedReply reply;
        try {
            reply = http.open(request);
        } catch (UnixHttpException e) {
            throw e.kind() == UnixHttpException.Kind.INTERRUPTED
                    ? new InspectException(InspectException.Reason.INTERRUPTED, "interrupted while opening " + target
                            + " on " + client.daemon(), 0, "", e.getCause())
                    : client.failure(target, e);
        }
        Response response = reply.head();
        InputStream body = reply.body();
        if (response.getStatus() != 200) {
            byte[] content;
            try (body) {
                content = body.readNBytes(InspectClient.MAX_ERROR_TEXT * 4);
            } catch (IOException e) {
                content = new byte[0];
            }
            throw client.errorReply(target, response.getStatus(), content);
        }
        return new EventStream(request, body, response.getHeaders().get(STARTED_AT));
    }


    private void deliver(SseReader.SseMessage message) {
        InspectEvent event;
        try {
            event = client.decodeEvent(message.data());
        } catch (JsonProcessingException unknownKind) {
            // A newer daemon's kind of event, or one this client cannot read: skipped, its id still counts.
            advance(message.lastEventId(), -1);
            return;
        }
        advance(message.lastEventId(), event.seq());
        try {
            onEvent.accept(event);
        } catch (RuntimeException e) {
            // The top of this thread: a failing consumer ends the subscription instead of killing it silently.
            endReason = "event consumer failed: " + e;
            closing.countDown();
            throw new ConsumerFailure(endReason);
        }
    }

    private void advance(String lastEventId, long eventSeq) {
        long seq = eventSeq;
        if (!lastEventId.isEmpty()) {
            try {
                seq = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException notOurs) {
                // Not a sequence number: fall back to the event's own.
            }
        }
        if (seq > lastSeq) {
            lastSeq = seq;
        }
    }

    /** Calls the state callback; returns false, having ended the subscription, if it threw. */
    private boolean state(ConnectionState state) {
        try {
            onState.accept(state);
            return true;
        } catch (RuntimeException e) {
            if (!(state instanceof ConnectionState.Closed)) {
                endReason = "state consumer failed: " + e;
            }
            closing.countDown();
            return false;
        }
    }

    /** A callback threw; unwinds the reading loop. */
    private static final class ConsumerFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConsumerFailure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * An open event stream: the request, to abort it, the body and the daemon's run.
     *
     * @param request the request, aborted to stop the stream from another thread
     * @param body the response body; closing it ends the stream
     * @param run the daemon's {@code Mdnp-Started-At}, null from a daemon that does not send it
     */
    private record EventStream(Request request, InputStream body, @Nullable String run) {
    }
}
