package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Holds the calls that need the drivers while the daemon is still starting, so that the plugin socket can serve
 * {@code /Plugin.Activate} at once: a held call waits, without a thread, until {@link #open} or {@link #fail}, then
 * goes on as if it had just arrived. Once open, calls pass straight through.
 */
final class StartGate implements HttpHandler {

    private final CompletableFuture<HttpHandler> opened = new CompletableFuture<>();
    private final ErrorReplies errors;
    private volatile @Nullable HttpHandler next;

    StartGate(ErrorReplies errors) {
        this.errors = requireNonNull(errors, "errors");
    }

    /** Lets every held and later call through to {@code next}. */
    void open(HttpHandler next) {
        this.next = requireNonNull(next, "next");
        opened.complete(next);
    }

    /** Answers every held and later call with a 503 naming {@code reason}: the daemon could not start. */
    void fail(String reason) {
        opened.completeExceptionally(new IllegalStateException(reason));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpHandler open = next;
        if (open != null) {
            open.handleRequest(exchange);
            return;
        }
        // Paused on the I/O thread with no thread waiting; resumed there as a new root call when the start ends.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> opened.whenComplete((handler, failure) ->
                exchange.getIoThread().execute(() -> Connectors.executeRootHandler(
                        failure == null ? handler : refusal(failure), exchange))));
    }

    private HttpHandler refusal(Throwable failure) {
        return exchange -> errors.send(exchange, StatusCodes.SERVICE_UNAVAILABLE,
                "mdnp could not start: " + failure.getMessage());
    }
}
