package dev.mdnp.daemon.api;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/**
 * Writes {@code {"Err": "..."}} replies (cnm-remote-api.md §1.4), the only error body the API sends.
 *
 * <p>A message longer than {@link #MAX_MESSAGE_CHARS} is cut: messages quote the value they refuse, and a value can
 * be a 1 MiB string; Docker shows the Err to the user. The message and the body also go into the call's
 * {@link CallTrace}, for its record and log line.
 */
final class ErrorReplies {

    /** The longest Err sent, in characters; a longer message is cut and ends with "…". */
    static final int MAX_MESSAGE_CHARS = 2048;

    private final JsonCodec codec;

    ErrorReplies(JsonCodec codec) {
        this.codec = codec;
    }

    /** Ends the exchange with the given status and message. */
    void send(HttpServerExchange exchange, int status, String fullMessage) {
        String message = CallTrace.cut(fullMessage, MAX_MESSAGE_CHARS);
        CallTrace trace = CallTrace.of(exchange);
        trace.replying();
        ByteBuffer body = codec.errorBody(message);
        trace.failed(message, body);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonCodec.CONTENT_TYPE);
        exchange.getResponseSender().send(body);
    }
}
