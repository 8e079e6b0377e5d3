package dev.mdnp.daemon.api;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;

/**
 * Writes {@code {"Err": "..."}} replies (cnm-remote-api.md §1.4), the only error body the API sends.
 *
 * <p>The message is also put on the exchange so that the call's log line can show it.
 */
final class ErrorReplies {

    static final AttachmentKey<String> MESSAGE = AttachmentKey.create(String.class);

    private final JsonCodec codec;

    ErrorReplies(JsonCodec codec) {
        this.codec = codec;
    }

    /** Ends the exchange with the given status and message. */
    void send(HttpServerExchange exchange, int status, String message) {
        exchange.putAttachment(MESSAGE, message);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonCodec.CONTENT_TYPE);
        exchange.getResponseSender().send(codec.errorBody(message));
    }
}
