package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one protocol method: decodes the body read by {@link RequestBodyHandler}, calls the driver, encodes the reply
 * with status 200. The one generic adapter behind every route; it holds no business logic. It marks the ends of
 * decoding and of the driver call in the call's {@link CallTrace}.
 */
final class JsonRouteHandler implements HttpHandler {

    /**
     * Said when a method that needs arguments got none: Docker's plugin client sends a call again, without its body,
     * when the connection broke while it was in flight (moby/moby#39331), as when the plugin was killed or restarted.
     */
    static final String EMPTY_BODY = " (the request body was empty: Docker resends a call that a plugin restart cut off"
            + " without its body, moby/moby#39331; run the docker command again)";

    private final JsonCodec codec;
    private final Function<JsonNode, Supplier<?>> method;
    private final @Nullable Supplier<?> withoutBody;

    /**
     * Creates the adapter.
     *
     * @param method decodes the parsed body into the method's request record and returns the call of the method with
     *     it, which returns the reply
     */
    JsonRouteHandler(JsonCodec codec, Function<JsonNode, Supplier<?>> method) {
        this(codec, method, null);
    }

    /**
     * Creates the adapter of a method that answers an empty body, when it needs arguments, with {@code withoutBody}
     * instead of a 400: a read-only query whose failure would fail the Docker command it belongs to.
     */
    JsonRouteHandler(JsonCodec codec, Function<JsonNode, Supplier<?>> method, @Nullable Supplier<?> withoutBody) {
        this.codec = requireNonNull(codec, "codec");
        this.method = requireNonNull(method, "method");
        this.withoutBody = withoutBody;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        CallTrace trace = CallTrace.of(exchange);
        byte[] body = exchange.getAttachment(RequestBodyHandler.BODY);
        JsonNode request = codec.parse(body == null ? new byte[0] : body);
        trace.named(CallIds.of(request));
        Supplier<?> call;
        try {
            call = method.apply(request);
        } catch (BadRequestException e) {
            if (body != null && body.length > 0) {
                throw e;
            }
            if (withoutBody == null) {
                throw new BadRequestException(e.getMessage() + EMPTY_BODY, e);
            }
            call = withoutBody;
        }
        trace.decoded();
        Object reply = call.get();
        trace.replying();
        ByteBuffer encoded = codec.encode(reply);
        trace.responded(encoded);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonCodec.CONTENT_TYPE);
        exchange.getResponseSender().send(encoded);
    }
}
