package dev.mdnp.daemon.api;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/**
 * Writes {@code {"Err": "..."}} replies (cnm-remote-api.md §1.4), the only error body the API sends.
 *
 * <p>The message and the body also go into the call's {@link CallTrace}, for its record and log line.
 */
final class ErrorReplies {

    private final JsonCodec codec;

    ErrorReplies(JsonCodec codec) {
        this.codec = codec;
    }

    /** Ends the exchange with the given status and message. */
    void send(HttpServerExchange exchange, int status, String message) {
        CallTrace trace = CallTrace.of(exchange);
        trace.replying();
        ByteBuffer body = codec.errorBody(message);
        trace.failed(message, body);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonCodec.CONTENT_TYPE);
        exchange.getResponseSender().send(body);
    }
}
