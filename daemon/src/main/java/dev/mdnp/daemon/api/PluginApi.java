package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.model.cnm.ActivateResponse;
import io.undertow.server.HttpHandler;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The plugin API Docker calls: {@code /Plugin.Activate} plus every NetworkDriver and IpamDriver route, as one
 * Undertow handler to serve on the plugin socket. Every call, answered or refused, is logged and recorded through
 * the {@link CallRecorder}. It can serve before the drivers exist: Activate is answered at once and every other call
 * waits until {@link #open} (or is refused after {@link #fail}), so the socket serves early in a start.
 */
public final class PluginApi {

    /** Request bodies larger than this are refused with 413; Docker's largest bodies are a few KiB. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    static final String ACTIVATE = "/Plugin.Activate";
    private static final ActivateResponse IMPLEMENTS =
            new ActivateResponse(List.of(ActivateResponse.NETWORK_DRIVER, ActivateResponse.IPAM_DRIVER));

    private final JsonCodec codec;
    private final ErrorReplies errors;
    private final CallRecorder recorder;
    private final RouteTable activation;
    private final StartGate gate;
    private final HttpHandler handler;
    private volatile @Nullable RouteTable drivers;

    /**
     * Builds the API of a starting daemon: it answers Activate and holds every other call until {@link #open}.
     *
     * @param mapper must come from {@code JsonMappers.create()}
     * @param recorder numbers and records every call; its kernel and store hooks are for the layers below
     */
    public PluginApi(ObjectMapper mapper, CallRecorder recorder) {
        this.recorder = requireNonNull(recorder, "recorder");
        codec = new JsonCodec(mapper);
        errors = new ErrorReplies(codec);
        activation = routeTable();
        activation.post(ACTIVATE, activation.noArgs(() -> IMPLEMENTS));
        gate = new StartGate(errors);
        HttpHandler activate = activation.handler();
        HttpHandler route = exchange -> (ACTIVATE.equals(exchange.getRequestPath()) ? activate : gate)
                .handleRequest(exchange);
        handler = new RecordingHandler(recorder, this::methodOf, exchange -> {
            // One call per connection. When a daemon stops, a connection kept idle between calls may be closed just
            // as Docker sends on it; Docker then resends the call without its body (moby/moby#39331) and it fails.
            // A fresh connection per call waits in the listening socket's backlog instead (systemd keeps it across a
            // restart), so a restart loses no call; a connect costs microseconds on a UNIX socket.
            exchange.setPersistent(false);
            route.handleRequest(exchange);
        });
    }

    /** Builds the routes over the given drivers, open at once. */
    public PluginApi(NetworkDriver driver, IpamDriver ipam, ObjectMapper mapper, CallRecorder recorder) {
        this(mapper, recorder);
        open(driver, ipam);
    }

    /** Builds the routes over the given drivers, recording to {@link RequestSink#NONE}; for tests. */
    public PluginApi(NetworkDriver driver, IpamDriver ipam, ObjectMapper mapper) {
        this(driver, ipam, mapper, new CallRecorder(RequestSink.NONE, Clock.systemUTC()));
    }

    /** Serves every route over the given drivers, the held calls first. */
    public void open(NetworkDriver driver, IpamDriver ipam) {
        RouteTable routes = routeTable();
        CnmRoutes.register(routes, driver);
        IpamRoutes.register(routes, ipam);
        drivers = routes;
        gate.open(routes.handler());
    }

    /** Refuses the held calls and every later one but Activate with a 503 naming {@code reason}. */
    public void fail(String reason) {
        gate.fail(reason);
    }

    /** Returns the root handler. */
    public HttpHandler handler() {
        return handler;
    }

    private RouteTable routeTable() {
        return new RouteTable(codec, errors, MAX_BODY_BYTES, recorder);
    }

    private String methodOf(String path) {
        RouteTable routes = drivers;
        return (routes != null ? routes : activation).method(path);
    }
}
