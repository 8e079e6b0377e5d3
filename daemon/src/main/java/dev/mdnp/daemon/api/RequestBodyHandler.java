package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import org.xnio.IoUtils;

/**
 * Reads the request body on the I/O thread without blocking, then dispatches the rest of the call to a worker.
 *
 * <p>A body over the limit is refused with 413 without being read whole: at once when Content-Length announces it,
 * as soon as the limit is passed when the body is chunked. A client that disconnects mid-body is dropped silently.
 * Not shared between exchanges: each call gets its own buffer.
 */
final class RequestBodyHandler implements HttpHandler {

    /** The whole request body, put on the exchange before {@code next} runs. */
    static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

    private final long maxBytes;
    private final ErrorReplies errors;
    private final HttpHandler next;

    RequestBodyHandler(long maxBytes, ErrorReplies errors, HttpHandler next) {
        this.maxBytes = maxBytes;
        this.errors = requireNonNull(errors, "errors");
        this.next = requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > maxBytes) {
            refuseTooLarge(exchange);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        exchange.getRequestReceiver().receivePartialBytes(
                (ex, part, last) -> {
                    if (body.size() + part.length > maxBytes) {
                        // Undertow's own entity limit does not reach a chunked body whose conduit already exists.
                        ex.getRequestReceiver().pause();
                        refuseTooLarge(ex);
                        return;
                    }
                    body.writeBytes(part);
                    if (last) {
                        byte[] whole = body.toByteArray();
                        CallTrace.of(ex).bodyRead(whole);
                        ex.putAttachment(BODY, whole);
                        ex.dispatch(next);
                    }
                },
                (ex, error) -> IoUtils.safeClose(ex.getConnection()));
    }

    private void refuseTooLarge(HttpServerExchange exchange) {
        // The unread rest of the body would be parsed as the next request: close after replying.
        exchange.setPersistent(false);
        errors.send(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE,
                "request body too large: the limit is " + maxBytes + " bytes");
    }
}
