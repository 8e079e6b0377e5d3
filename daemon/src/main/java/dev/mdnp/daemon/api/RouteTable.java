package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.StatusCodes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The table of protocol routes: each {@code POST /<Interface>.<Method>} path is registered once, wrapped in the same
 * chain (read body, dispatch with the call's trace current, map errors, decode-call-encode). Unknown paths get 404,
 * other HTTP methods 405.
 */
final class RouteTable {

    private final RoutingHandler routing = new RoutingHandler(false);
    private final Map<String, String> methods = new ConcurrentHashMap<>();
    private final JsonCodec codec;
    private final ErrorReplies errors;
    private final long maxBodyBytes;
    private final CallRecorder recorder;

    RouteTable(JsonCodec codec, ErrorReplies errors, long maxBodyBytes, CallRecorder recorder) {
        this.codec = requireNonNull(codec, "codec");
        this.errors = requireNonNull(errors, "errors");
        this.maxBodyBytes = maxBodyBytes;
        this.recorder = requireNonNull(recorder, "recorder");
        routing.setFallbackHandler(exchange -> errors.send(exchange, StatusCodes.NOT_FOUND,
                "unknown plugin method " + exchange.getRequestPath()));
        routing.setInvalidMethodHandler(exchange -> errors.send(exchange, StatusCodes.METHOD_NOT_ALLOWED,
                "plugin methods take POST, not " + exchange.getRequestMethod()));
    }

    /** Registers a method at {@code path}; {@code method} is made by {@link #json} or {@link #noArgs}. */
    void post(String path, Function<JsonNode, Supplier<?>> method) {
        post(path, method, null);
    }

    /**
     * Registers a method at {@code path} as {@link #post(String, Function)} does, one that answers an empty body with
     * {@code withoutBody} when not null (see {@link JsonRouteHandler}).
     */
    void post(String path, Function<JsonNode, Supplier<?>> method, @Nullable Supplier<?> withoutBody) {
        HttpHandler call = new CallScopeHandler(recorder,
                new ErrorMappingHandler(errors, new JsonRouteHandler(codec, method, withoutBody)));
        routing.post(path, new RequestBodyHandler(maxBodyBytes, errors, call));
        methods.put(path, methodName(path));
    }

    /**
     * Returns the protocol method of a request path: the path without its leading slash. For a registered path it is
     * the one string made when the route was registered, so the records of the calls kept in the history share it.
     */
    String method(String path) {
        String method = methods.get(path);
        return method != null ? method : methodName(path);
    }

    /**
     * Adapts a driver method that takes the request record {@code type}: decoding comes first, the call after. Every
     * such method needs arguments, so an empty object is refused also when the record decodes from nothing
     * (RequestPool: an empty address space); for an empty body {@link JsonRouteHandler} then says that Docker resent
     * a cut-off call.
     */
    <T> Function<JsonNode, Supplier<?>> json(Class<T> type, Function<T, ?> method) {
        return body -> {
            T request = codec.convert(body, type);
            if (body.isEmpty()) {
                throw new BadRequestException("the call needs arguments, got none", null);
            }
            return () -> method.apply(request);
        };
    }

    /** Adapts a driver method that takes no arguments; Docker sends an empty body (§1.3). */
    Function<JsonNode, Supplier<?>> noArgs(Supplier<?> method) {
        return body -> method;
    }

    HttpHandler handler() {
        return routing;
    }

    private static String methodName(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
