package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.model.cnm.ActivateResponse;
import io.undertow.server.HttpHandler;
import java.time.Clock;
import java.util.List;

/**
 * The plugin API Docker calls: {@code /Plugin.Activate} plus every NetworkDriver and IpamDriver route, as one
 * Undertow handler to serve on the plugin socket. Every call, answered or refused, is logged and recorded through
 * the {@link CallRecorder}.
 */
public final class PluginApi {

    /** Request bodies larger than this are refused with 413; Docker's largest bodies are a few KiB. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    static final String ACTIVATE = "/Plugin.Activate";
    private static final ActivateResponse IMPLEMENTS =
            new ActivateResponse(List.of(ActivateResponse.NETWORK_DRIVER, ActivateResponse.IPAM_DRIVER));

    private final HttpHandler handler;

    /**
     * Builds the routes over the given drivers.
     *
     * @param mapper must come from {@code JsonMappers.create()}
     * @param recorder numbers and records every call; its kernel and store hooks are for the layers below
     */
    public PluginApi(NetworkDriver driver, IpamDriver ipam, ObjectMapper mapper, CallRecorder recorder) {
        requireNonNull(recorder, "recorder");
        JsonCodec codec = new JsonCodec(mapper);
        RouteTable routes = new RouteTable(codec, new ErrorReplies(codec), MAX_BODY_BYTES, recorder);
        routes.post(ACTIVATE, routes.noArgs(() -> IMPLEMENTS));
        CnmRoutes.register(routes, driver);
        IpamRoutes.register(routes, ipam);
        handler = new RecordingHandler(recorder, routes);
    }

    /** Builds the routes over the given drivers, recording to {@link RequestSink#NONE}; for tests. */
    public PluginApi(NetworkDriver driver, IpamDriver ipam, ObjectMapper mapper) {
        this(driver, ipam, mapper, new CallRecorder(RequestSink.NONE, Clock.systemUTC()));
    }

    /** Returns the root handler. */
    public HttpHandler handler() {
        return handler;
    }
}
