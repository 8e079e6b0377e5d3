package dev.mdnp.daemon.dockerapi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.MappingIterator;
import dev.mdnp.daemon.dockerapi.EngineJson.EventBody;
import dev.mdnp.daemon.dockerapi.EngineJson.NetworkBody;
import dev.mdnp.model.client.UnixHttp;
import dev.mdnp.model.client.UnixHttpException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.ContentResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Docker Engine API (v1.41, spoken by Docker 20.10 and every later engine) over Docker's UNIX socket,
 * through the Jetty HTTP client; it sends {@code Host: docker}, as the docker CLI does over a socket.
 *
 * <p>Only a background task may call it, such as the reconciler that collects endpoints an unclean dockerd exit left
 * behind; never a plugin HTTP handler: dockerd waits for the plugin while it handles a CNM call, so a handler that
 * calls back into dockerd can deadlock it.
 *
 * <p>Thread safety: every method may be called from any thread. The engine owns its HTTP client and thread pool and
 * releases them in {@link #close()}. Every failure to talk to the engine is a {@link DockerEngineException}.
 */
public final class DockerEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerEngine.class);
    private static final String UNIX_SCHEME = "unix://";
    private static final String NETWORKS = "/v1.41/networks";
    private static final String CONTAINERS = "/v1.41/containers";
    private static final String EVENTS = "/v1.41/events";
    private static final String HINT = "is dockerd running? is --docker-host right?";
    private static final int NOT_FOUND = 404;
    private static final int MAX_BODY_BYTES = 16 << 20;
    private static final int MAX_ERROR_BYTES = 4096;
    private static final int MAX_THREADS = 4;
    /** Docker's ids are hex; a name-like id is accepted too, but nothing that would change the request path. */
    private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Duration timeout;
    private final UnixHttp http;
    private final EngineJson json = new EngineJson();

    private DockerEngine(Duration timeout, UnixHttp http) {
        this.timeout = timeout;
        this.http = http;
    }

    /**
     * Creates a client of the engine at {@code dockerHost}. It does not connect yet, so the engine may start later;
     * each request connects as it needs to.
     *
     * @param dockerHost the engine's socket as a {@code unix:///path/to/docker.sock} URI, the daemon's
     *     {@code --docker-host}
     * @param timeout how long one request may take, connecting included
     * @throws IllegalArgumentException if {@code dockerHost} is not a {@code unix://} URI with an absolute path, or
     *     {@code timeout} is under a millisecond
     */
    public static DockerEngine connect(String dockerHost, Duration timeout) {
        UnixHttp http = UnixHttp.start(socketOf(dockerHost), "docker", "mdnp-docker-api", MAX_THREADS, timeout);
        http.closeIdleConnectionsAfter(timeout);
        return new DockerEngine(timeout, http);
    }

    /**
     * Asks whether the engine answers ({@code GET /_ping}, as the docker CLI does first).
     *
     * @return the engine's answer, whatever its status
     * @throws UnixHttpException if the engine cannot be reached or does not answer within the timeout
     */
    public DockerPing ping() throws UnixHttpException {
        ContentResponse reply = http.get("/_ping", MAX_BODY_BYTES);
        return new DockerPing(reply.getStatus(), reply.getHeaders().get("Api-Version"), reply.getContentAsString());
    }

    /**
     * Returns every network whose driver is {@code driverName}, each with the endpoints Docker holds on it; a network
     * removed while this runs is left out. Sends {@code GET /v1.41/networks?filters={"driver":["NAME"]}}, then
     * {@code GET /v1.41/networks/ID} for each network, because the list may leave out the endpoints.
     *
     * @param driverName the driver's name as in {@code docker network create -d NAME}
     * @return the networks in the engine's order
     * @throws IllegalArgumentException if {@code driverName} is blank
     * @throws DockerEngineException if the engine cannot be reached, does not answer within the timeout, answers
     *     with an error status, or sends a body that cannot be read
     */
    public List<DockerNetwork> networksOfDriver(String driverName) {
        if (driverName.isBlank()) {
            throw new IllegalArgumentException("driver name is blank");
        }
        String filters = json.driverFilter(driverName);
        String list = NETWORKS + "?filters=" + filters;
        ContentResponse listed = get(list,
                NETWORKS + "?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
        List<NetworkBody> summaries = decode(list, json::networkList, successBody(list, listed));
        List<DockerNetwork> networks = new ArrayList<>();
        for (NetworkBody summary : summaries) {
            // Docker's driver filter is an exact match (moby daemon/network/filter.go); checking again guards
            // against a proxy in front of the socket that drops the filter.
            if (!summary.driver().equals(driverName)) {
                continue;
            }
            if (!OBJECT_ID.matcher(summary.id()).matches()) {
                throw new DockerEngineException(engine() + " listed a network with the unusable id \""
                        + summary.id() + "\" for GET " + list);
            }
            String inspect = NETWORKS + "/" + summary.id();
            ContentResponse reply = get(inspect, inspect);
            if (reply.getStatus() == NOT_FOUND) {
                log.debug("docker network vanished between list and inspect net={}", shortId(summary.id()));
                continue;
            }
            networks.add(decode(inspect, json::network, successBody(inspect, reply)));
        }
        return List.copyOf(networks);
    }

    /**
     * Returns every network whose IPAM driver is {@code ipamDriver}, whatever its network driver, with the pools it
     * holds and the addresses it uses; a network removed while this runs is left out. Sends
     * {@code GET /v1.41/networks} (Docker has no filter on the IPAM driver), then {@code GET /v1.41/networks/ID} for
     * each network of that IPAM driver.
     *
     * @throws IllegalArgumentException if {@code ipamDriver} is blank
     * @throws DockerEngineException as {@link #networksOfDriver} does
     */
    public List<DockerIpamNetwork> networksOfIpamDriver(String ipamDriver) {
        if (ipamDriver.isBlank()) {
            throw new IllegalArgumentException("IPAM driver name is blank");
        }
        List<NetworkBody> summaries = decode(NETWORKS, json::networkList, successBody(NETWORKS, get(NETWORKS,
                NETWORKS)));
        List<DockerIpamNetwork> networks = new ArrayList<>();
        for (NetworkBody summary : summaries) {
            if (!summary.ipam().driver().equals(ipamDriver)) {
                continue;
            }
            if (!OBJECT_ID.matcher(summary.id()).matches()) {
                throw new DockerEngineException(engine() + " listed a network with the unusable id \""
                        + summary.id() + "\" for GET " + NETWORKS);
            }
            String inspect = NETWORKS + "/" + summary.id();
            ContentResponse reply = get(inspect, inspect);
            if (reply.getStatus() == NOT_FOUND) {
                log.debug("docker network vanished between list and inspect net={}", shortId(summary.id()));
                continue;
            }
            networks.add(decode(inspect, json::ipamNetwork, successBody(inspect, reply)));
        }
        return List.copyOf(networks);
    }

    /**
     * Returns the container {@code containerId} with its name and the networks it is attached to, or empty when the
     * engine knows no such container. Sends {@code GET /v1.41/containers/ID/json}.
     *
     * @throws IllegalArgumentException if {@code containerId} could change the request path
     * @throws DockerEngineException as {@link #networksOfDriver} does
     */
    public Optional<DockerContainer> container(String containerId) {
        if (!OBJECT_ID.matcher(containerId).matches()) {
            throw new IllegalArgumentException("unusable container id \"" + containerId + "\"");
        }
        String inspect = CONTAINERS + "/" + containerId + "/json";
        ContentResponse reply = get(inspect, inspect);
        if (reply.getStatus() == NOT_FOUND) {
            return Optional.empty();
        }
        return Optional.of(decode(inspect, json::container, successBody(inspect, reply)));
    }

    /**
     * Follows the engine's events of networks and containers that can change a name or an attachment (network
     * create, destroy, connect, disconnect; container destroy, rename): calls {@code opened} once the engine has
     * answered, then hands each event to {@code sink} on the calling thread, as it comes; events that arrive while
     * {@code opened} runs wait for it. Sends {@code GET /v1.41/events?filters=...}; the stream has no idle timeout, since
     * a quiet engine sends nothing. Blocks until the stream ends, which is the only normal return.
     *
     * @throws DockerEngineException if the stream cannot be opened, breaks, or carries an unreadable event; also
     *     when {@link #close()} aborts it
     */
    public void followEvents(Runnable opened, Consumer<DockerEvent> sink) {
        String filters = json.nameEventFilter();
        String call = EVENTS + "?filters=" + filters;
        UnixHttp.StreamedReply reply;
        try {
            reply = http.open(http.request(EVENTS + "?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8))
                    .idleTimeout(0, TimeUnit.MILLISECONDS));
        } catch (UnixHttpException e) {
            throw failure(call, e);
        }
        try (InputStream body = reply.body()) {
            if (reply.head().getStatus() != 200) {
                throw new DockerEngineException(engine() + " answered GET " + call + " with "
                        + reply.head().getStatus() + ": " + json.errorMessage(body.readNBytes(MAX_ERROR_BYTES)));
            }
            opened.run();
            MappingIterator<EventBody> events = json.events(body);
            while (events.hasNextValue()) {
                sink.accept(events.nextValue().event());
            }
        } catch (IOException e) {
            throw new DockerEngineException("event stream of " + engine() + " broke: " + e.getMessage(), e);
        }
    }

    /** Stops the HTTP client and its threads, aborting any request still in flight. */
    @Override
    public void close() {
        http.close();
    }

    /** Sends {@code GET target}; {@code call} is the same request, readable, for messages: the query not encoded. */
    private ContentResponse get(String call, String target) {
        long started = System.nanoTime();
        try {
            ContentResponse response = http.get(target, MAX_BODY_BYTES);
            log.debug("docker api GET {} status={} took={}ms", call, response.getStatus(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return response;
        } catch (UnixHttpException e) {
            throw failure(call, e);
        }
    }

    private DockerEngineException failure(String call, UnixHttpException failure) {
        Throwable cause = failure.getCause();
        if (failure.kind() == UnixHttpException.Kind.INTERRUPTED) {
            return new DockerEngineException("interrupted during GET " + call + " to " + engine(), cause);
        }
        if (failure.kind() == UnixHttpException.Kind.TIMED_OUT) {
            return new DockerEngineException(engine() + " did not answer GET " + call + " within "
                    + timeout.toMillis() + " ms", cause);
        }
        if (cause instanceof IOException) {
            return new DockerEngineException("cannot talk to " + engine() + " for GET " + call + ": "
                    + failure.getMessage() + " (" + HINT + ")", cause);
        }
        return new DockerEngineException("GET " + call + " to " + engine() + " failed: " + cause, cause);
    }

    private byte[] successBody(String call, ContentResponse reply) {
        int status = reply.getStatus();
        if (status / 100 != 2) {
            throw new DockerEngineException(engine() + " answered GET " + call + " with " + status + ": "
                    + json.errorMessage(reply.getContent()));
        }
        return reply.getContent();
    }

    private <T> T decode(String call, BodyReader<T> reader, byte[] body) {
        try {
            return reader.read(body);
        } catch (IOException e) {
            throw new DockerEngineException(engine() + " sent an unreadable body for GET " + call + ": "
                    + e.getMessage(), e);
        }
    }

    private String engine() {
        return "docker engine at " + http.socket();
    }

    private static Path socketOf(String dockerHost) {
        requireNonNull(dockerHost, "dockerHost");
        if (!dockerHost.startsWith(UNIX_SCHEME)) {
            throw new IllegalArgumentException("docker host must be a unix:///path/to/docker.sock URI, got \""
                    + dockerHost + "\"");
        }
        String path = dockerHost.substring(UNIX_SCHEME.length());
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("docker host must name an absolute socket path, as in"
                    + " unix:///var/run/docker.sock, got \"" + dockerHost + "\"");
        }
        return Path.of(path);
    }


    private static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 12);
    }

    /** Decodes a response body; an {@link IOException} means it cannot be read. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(byte[] body) throws IOException;
    }
}
