package dev.mdnp.model.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.client.InspectException.Reason;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.FirewallRulesView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.ContentResponse;

/**
 * A client of mdnp's introspection channel: HTTP/1.1 over the inspect UNIX socket (default
 * {@value #DEFAULT_SOCKET_PATH}), through the Jetty HTTP client. Each typed method sends one {@code GET} and decodes
 * the JSON with {@link JsonMappers#create()}; {@link #subscribe} follows {@code /v1/events}.
 *
 * <p>Thread safety: every method may be called from any thread. The client owns its HTTP client and threads and
 * releases them, with every subscription still open, in {@link #close()}. Every failure of a call is an
 * {@link InspectException} whose message names the socket.
 */
public final class InspectClient implements AutoCloseable {

    /** The daemon's default inspect socket, its {@code --inspect-socket}. */
    public static final String DEFAULT_SOCKET_PATH = "/run/mdnp/inspect.sock";
    /** For {@link #subscribe}: ask for the daemon's default start instead of events after a sequence number. */
    public static final long DAEMON_DEFAULT = -1;

    private static final String HINT = "is mdnp running? is --inspect-socket right?";
    private static final String ACCESS_HINT = "run as root or as a member of the socket's group (--inspect-group)";
    private static final int MAX_BODY_BYTES = 64 << 20;
    /** The longest error text kept from a daemon's error body, in characters. */
    static final int MAX_ERROR_TEXT = 200;
    private static final int MAX_THREADS = 8;
    /** How long an event stream may stay silent, heartbeats included, before it is dropped and reopened. */
    private static final Duration STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Docker's ids are hex; a name-like id is accepted too, but nothing that would change the request path. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Duration timeout;
    private final UnixHttp http;
    private final ObjectMapper mapper = JsonMappers.create();
    private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    private InspectClient(Duration timeout, UnixHttp http) {
        this.timeout = timeout;
        this.http = http;
    }

    /**
     * Creates a client of the daemon whose inspect socket is {@code socket}. It does not connect yet, so the daemon
     * may start later; each call connects as it needs to.
     *
     * @param socket the inspect socket
     * @param timeout how long one call may take, connecting included; also how long opening the event stream may
     *     take
     * @throws IllegalArgumentException if {@code timeout} is under a millisecond
     */
    public static InspectClient connect(Path socket, Duration timeout) {
        return new InspectClient(timeout, UnixHttp.start(socket, "mdnp", "mdnp-inspect-client", MAX_THREADS, timeout));
    }

    /** Returns the inspect socket this client talks to. */
    public Path socket() {
        return http.socket();
    }

    /**
     * Returns the daemon's summary ({@code GET /v1/info}).
     *
     * @throws InspectException if the call fails
     */
    public InfoView info() {
        return decode("/v1/info", new TypeReference<InfoView>() { });
    }

    /**
     * Returns every network the daemon holds ({@code GET /v1/networks}).
     *
     * @throws InspectException if the call fails
     */
    public List<NetworkView> networks() {
        return decode("/v1/networks", new TypeReference<List<NetworkView>>() { });
    }

    /**
     * Returns one network ({@code GET /v1/networks/{id}}).
     *
     * @param id the network's id as the daemon knows it
     * @throws IllegalArgumentException if {@code id} is not an id (letters, digits, {@code _ . -})
     * @throws InspectException if the call fails, with status 404 when the daemon does not hold it
     */
    public NetworkView network(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a network id: \"" + id + "\"");
        }
        return decode("/v1/networks/" + id, new TypeReference<NetworkView>() { });
    }

    /**
     * Returns every endpoint the daemon holds ({@code GET /v1/endpoints}).
     *
     * @throws InspectException if the call fails
     */
    public List<EndpointView> endpoints() {
        return decode("/v1/endpoints", new TypeReference<List<EndpointView>>() { });
    }

    /**
     * Returns the containers the daemon's endpoints are joined to, each with its interfaces as read inside it
     * ({@code GET /v1/containers}).
     *
     * @throws InspectException if the call fails, with status 404 from a daemon older than this call
     */
    public List<ContainerView> containers() {
        return decode("/v1/containers", new TypeReference<List<ContainerView>>() { });
    }

    /**
     * Returns the kernel's view of the daemon's bridges and veths ({@code GET /v1/links}).
     *
     * @throws InspectException if the call fails
     */
    public List<LinkView> links() {
        return decode("/v1/links", new TypeReference<List<LinkView>>() { });
    }

    /**
     * Returns, for mdnp's base chains and for each network, the firewall rules the kernel lacks
     * ({@code GET /v1/firewall}). The daemon lists the kernel's tables for it ({@code iptables-save}), so it costs
     * more than the other calls: ask on demand, do not poll.
     *
     * @throws InspectException if the call fails; status 503 when the daemon cannot list its firewall, 404 from a
     *     daemon older than this call
     */
    public List<FirewallRulesView> firewall() {
        return decode("/v1/firewall", new TypeReference<List<FirewallRulesView>>() { });
    }

    /**
     * Returns the repairs of mdnp's firewall rules since the daemon started, oldest first: each time something else
     * (iptables -F, a firewall manager's reload) had removed or moved them ({@code GET /v1/firewall/repairs}).
     *
     * @throws InspectException if the call fails; status 404 from a daemon older than this call
     */
    public List<FirewallRepairView> firewallRepairs() {
        return decode("/v1/firewall/repairs", new TypeReference<List<FirewallRepairView>>() { });
    }

    /**
     * Returns the IPAM pools with their use ({@code GET /v1/ipam/pools}).
     *
     * @throws InspectException if the call fails
     */
    public List<PoolView> pools() {
        return decode("/v1/ipam/pools", new TypeReference<List<PoolView>>() { });
    }

    /**
     * Returns recorded calls with a sequence number above {@code after}, oldest first
     * ({@code GET /v1/requests?after=SEQ&limit=N}).
     *
     * @param after the sequence number to start after, 0 for the oldest kept
     * @param limit the most records to return
     * @throws IllegalArgumentException if {@code after} is negative or {@code limit} is under 1
     * @throws InspectException if the call fails
     */
    public List<RequestRecord> requests(long after, int limit) {
        return decode(requestsTarget(after, limit), new TypeReference<List<RequestRecord>>() { });
    }

    /**
     * Returns the daemon's metrics in the Prometheus text format ({@code GET /metrics}).
     *
     * @throws InspectException if the call fails
     */
    public String metricsText() {
        return getText("/metrics");
    }

    /**
     * Returns the body of {@code GET target} as text, as the daemon sent it: for a caller that shows the JSON itself.
     *
     * @param target the path and query, such as {@code /v1/networks} or {@code /v1/requests?after=0&limit=10}
     * @throws IllegalArgumentException if {@code target} does not start with {@code /}
     * @throws InspectException if the call fails or the daemon answers with an error status
     */
    public String getText(String target) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("request target must start with /, got \"" + target + "\"");
        }
        return new String(successBody(target, get(target)), StandardCharsets.UTF_8);
    }

    /**
     * Returns the target of {@link #requests}, for a caller of {@link #getText}.
     *
     * @throws IllegalArgumentException if {@code after} is negative or {@code limit} is under 1
     */
    public static String requestsTarget(long after, int limit) {
        if (after < 0 || limit < 1) {
            throw new IllegalArgumentException("requests need after >= 0 and limit >= 1, got " + after + " and "
                    + limit);
        }
        return "/v1/requests?after=" + after + "&limit=" + limit;
    }

    /**
     * Follows the daemon's event stream ({@code GET /v1/events}) on a thread of its own until the subscription or
     * this client is closed. When the stream cannot be opened or ends, it reconnects after 100 ms, doubling the wait
     * up to 5 s while tries fail, and resumes after the last event id it saw ({@code Last-Event-ID}), so no event is
     * delivered twice; an {@link InspectEvent.Lost} says the daemon no longer had some, or restarted (it numbers its
     * events from 1 again: the client names the run its id comes from, {@code Mdnp-Started-At}, and a restarted
     * daemon answers with the notice and every event of its own it keeps).
     *
     * <p>Both callbacks run on the subscription's thread, in order; they should be quick and must not throw: an
     * exception from either ends the subscription. Events this client cannot decode (a newer daemon's kinds) are
     * skipped.
     *
     * @param after the sequence number to start after (0 for every event the daemon keeps), or
     *     {@link #DAEMON_DEFAULT} for the daemon's default start
     * @param onEvent receives each event
     * @param onState receives each change of the connection, ending with one {@link ConnectionState.Closed}
     * @return the running subscription
     * @throws IllegalArgumentException if {@code after} is below -1
     * @throws IllegalStateException if this client is closed
     */
    public EventSubscription subscribe(long after, Consumer<InspectEvent> onEvent,
            Consumer<ConnectionState> onState) {
        return subscribe(after, onEvent, onState, new Backoff(Backoff.INITIAL, Backoff.MAX), STREAM_IDLE_TIMEOUT);
    }

    /**
     * Closes every subscription, then stops the HTTP client and its threads, aborting calls in flight. It completes
     * even when the calling thread is interrupted, and leaves the interrupt pending.
     */
    @Override
    public void close() {
        // Jetty's stop waits on latches: an interrupt pending on this thread would make it fail half-way.
        boolean interrupted = Thread.interrupted();
        try {
            for (EventSubscription subscription : subscriptions) {
                subscription.close();
            }
            http.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link #subscribe} with the backoff and the stream's idle timeout chosen: a seam for tests. */
    EventSubscription subscribe(long after, Consumer<InspectEvent> onEvent, Consumer<ConnectionState> onState,
            Backoff backoff, Duration idleTimeout) {
        if (after < DAEMON_DEFAULT) {
            throw new IllegalArgumentException("events after " + after + ": use a sequence number >= 0 or -1");
        }
        if (!http.isRunning()) {
            throw new IllegalStateException("inspect client of " + http.socket() + " is closed");
        }
        EventSubscription subscription = new EventSubscription(this, after, requireNonNull(onEvent, "onEvent"),
                requireNonNull(onState, "onState"), backoff, idleTimeout, subscriptions::remove);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    /** Decodes one event's JSON; throws {@link JsonProcessingException} for one this client cannot read. */
    InspectEvent decodeEvent(String json) throws JsonProcessingException {
        return mapper.readValue(json, InspectEvent.class);
    }

    /** Returns the HTTP client of the inspect socket, for the event stream. */
    UnixHttp http() {
        return http;
    }

    /** Returns a readable name of the daemon's end: {@code mdnp at /run/mdnp/inspect.sock}. */
    String daemon() {
        return "mdnp at " + http.socket();
    }

    /** Returns the message for a failure to talk to the daemon, with a hint on what to check. */
    InspectException failure(String target, UnixHttpException failure) {
        Throwable cause = failure.getCause();
        switch (failure.kind()) {
            case INTERRUPTED:
                return new InspectException(Reason.INTERRUPTED, "interrupted during GET " + target + " on "
                        + daemon(), 0, "", cause);
            case TIMED_OUT:
                return new InspectException(Reason.TIMEOUT, daemon() + " did not answer GET " + target + " within "
                        + timeout.toMillis() + " ms (" + HINT + ")", 0, "", cause);
            default:
                String reasons = failure.getMessage();
                String hint = reasons.toLowerCase(Locale.ROOT).contains("permission denied") ? ACCESS_HINT : HINT;
                return new InspectException(Reason.UNREACHABLE, "cannot reach " + daemon() + " for GET " + target
                        + ": " + reasons + " (" + hint + ")", 0, "", cause);
        }
    }

    private <T> T decode(String target, TypeReference<T> type) {
        byte[] body = successBody(target, get(target));
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new InspectException(Reason.UNREADABLE_REPLY, daemon() + " sent an unreadable body for GET "
                    + target + ": " + why, 200, "", e);
        }
    }

    private ContentResponse get(String target) {
        try {
            return http.get(target, MAX_BODY_BYTES);
        } catch (UnixHttpException e) {
            throw failure(target, e);
        }
    }

    private byte[] successBody(String target, ContentResponse reply) {
        int status = reply.getStatus();
        if (status / 100 != 2) {
            throw errorReply(target, status, reply.getContent());
        }
        return reply.getContent();
    }

    /** Returns the exception for an error status the daemon answered {@code GET target} with. */
    InspectException errorReply(String target, int status, byte[] body) {
        String err = errorText(body);
        return new InspectException(Reason.ERROR_REPLY, daemon() + " answered GET " + target + " with " + status
                + (err.isEmpty() ? "" : ": " + err), status, err, null);
    }

    /** Returns the {@code Err} member of an error body, else the start of the body as text. */
    private String errorText(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node != null && node.path("Err").isTextual()) {
                return node.path("Err").asText();
            }
        } catch (IOException notJson) {
            // Fall through: a proxy or an older daemon may answer in plain text.
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }
}
