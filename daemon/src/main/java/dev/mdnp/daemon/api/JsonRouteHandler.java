package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.Function;

/**
 * Runs one protocol method: decodes the body read by {@link RequestBodyHandler}, calls the driver, encodes the reply
 * with status 200. The one generic adapter behind every route; it holds no business logic.
 */
final class JsonRouteHandler implements HttpHandler {

    private final JsonCodec codec;
    private final Function<JsonNode, Object> method;

    /**
     * Creates the adapter.
     *
     * @param method decodes the parsed body into the method's request record, calls it and returns its reply
     */
    JsonRouteHandler(JsonCodec codec, Function<JsonNode, Object> method) {
        this.codec = requireNonNull(codec, "codec");
        this.method = requireNonNull(method, "method");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        byte[] body = exchange.getAttachment(RequestBodyHandler.BODY);
        JsonNode request = codec.parse(body == null ? new byte[0] : body);
        exchange.putAttachment(CallIds.ATTACHMENT, CallIds.of(request));
        Object reply = method.apply(request);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonCodec.CONTENT_TYPE);
        exchange.getResponseSender().send(codec.encode(reply));
    }
}
