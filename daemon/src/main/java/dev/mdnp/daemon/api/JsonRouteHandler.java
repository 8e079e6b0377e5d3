package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one protocol method: decodes the body read by {@link RequestBodyHandler}, calls the driver, encodes the reply
 * with status 200. The one generic adapter behind every route; it holds no business logic. It marks the ends of
 * decoding and of the driver call in the call's {@link CallTrace}.
 */
final class JsonRouteHandler implements HttpHandler {

    private final JsonCodec codec;
    private final Function<JsonNode, Supplier<?>> method;

    /**
     * Creates the adapter.
     *
     * @param method decodes the parsed body into the method's request record and returns the call of the method with
     *     it, which returns the reply
     */
    JsonRouteHandler(JsonCodec codec, Function<JsonNode, Supplier<?>> method) {
        this.codec = requireNonNull(codec, "codec");
        this.method = requireNonNull(method, "method");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        CallTrace trace = CallTrace.of(exchange);
        byte[] body = exchange.getAttachment(RequestBodyHandler.BODY);
        JsonNode request = codec.parse(body == null ? new byte[0] : body);
        trace.named(CallIds.of(request));
        Supplier<?> call = method.apply(request);
        trace.decoded();
        Object reply = call.get();
        trace.replying();
        ByteBuffer encoded = codec.encode(reply);
        trace.responded(encoded);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonCodec.CONTENT_TYPE);
        exchange.getResponseSender().send(encoded);
    }
}
