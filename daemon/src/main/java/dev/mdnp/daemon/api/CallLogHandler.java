package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one INFO line per call when its reply is complete: method, status, duration and the short ids it named,
 * for example {@code call NetworkDriver.Join status=200 took=0.41ms net=8f6511a52af0 ep=e0b0a8e2947b}.
 */
final class CallLogHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(CallLogHandler.class);
    private static final int SHORT_ID = 12;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final HttpHandler next;

    CallLogHandler(HttpHandler next) {
        this.next = requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            try {
                logCall(ex, System.nanoTime() - start);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    private static void logCall(HttpServerExchange exchange, long nanos) {
        if (!log.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder(160)
                .append("call ").append(method(exchange))
                .append(" status=").append(exchange.getStatusCode())
                .append(" took=").append(String.format(Locale.ROOT, "%.2fms", nanos / NANOS_PER_MILLI));
        CallIds ids = exchange.getAttachment(CallIds.ATTACHMENT);
        if (ids != null) {
            appendId(line, "net", ids.networkId());
            appendId(line, "ep", ids.endpointId());
            if (!ids.poolId().isEmpty()) {
                line.append(" pool=").append(ids.poolId()); // a pool id is a CIDR path, not a hash: kept whole
            }
        }
        String error = exchange.getAttachment(ErrorReplies.MESSAGE);
        if (error != null) {
            line.append(" err=\"").append(error).append('"');
        }
        log.info("{}", line);
    }

    private static String method(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static void appendId(StringBuilder line, String name, String id) {
        if (!id.isEmpty()) {
            line.append(' ').append(name).append('=').append(id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID));
        }
    }
}
