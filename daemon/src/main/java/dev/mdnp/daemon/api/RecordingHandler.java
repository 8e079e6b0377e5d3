package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.RequestRecord;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the trace of every call and, once its reply is complete, finishes it: builds its {@link RequestRecord},
 * logs the call's INFO line from that record and hands the record to the {@link CallRecorder}'s sink. The one place
 * a call ends. The line shows method, status, duration and the short ids the call named, for example
 * {@code call NetworkDriver.Join status=200 took=0.41ms net=8f6511a52af0 ep=e0b0a8e2947b}.
 */
final class RecordingHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RecordingHandler.class);
    private static final int SHORT_ID = 12;
    private static final double MICROS_PER_MILLI = 1_000.0;

    private final CallRecorder recorder;
    private final UnaryOperator<String> methodOfPath;
    private final HttpHandler next;

    /** Records the calls {@code next} serves; {@code methodOfPath} names each call's protocol method. */
    RecordingHandler(CallRecorder recorder, UnaryOperator<String> methodOfPath, HttpHandler next) {
        this.recorder = requireNonNull(recorder, "recorder");
        this.methodOfPath = requireNonNull(methodOfPath, "methodOfPath");
        this.next = requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        CallTrace trace = recorder.start(methodOfPath.apply(exchange.getRequestPath()));
        exchange.putAttachment(CallTrace.ATTACHMENT, trace);
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            try {
                finish(trace, ex.getStatusCode());
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    private void finish(CallTrace trace, int status) {
        RequestRecord record = trace.finish(status);
        logCall(record, trace.ids().poolId());
        recorder.publish(record);
    }

    private static void logCall(RequestRecord record, String poolId) {
        if (!log.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder(160)
                .append("call ").append(record.method())
                .append(" status=").append(record.status())
                .append(" took=")
                .append(String.format(Locale.ROOT, "%.2fms", record.durationMicros() / MICROS_PER_MILLI));
        appendId(line, "net", record.networkId());
        appendId(line, "ep", record.endpointId());
        if (!poolId.isEmpty()) {
            line.append(" pool=").append(poolId); // a pool id is a CIDR path, not a hash: kept whole
        }
        if (!record.error().isEmpty()) {
            line.append(" err=\"").append(record.error()).append('"');
        }
        log.info("{}", line);
    }

    private static void appendId(StringBuilder line, String name, String id) {
        if (!id.isEmpty()) {
            line.append(' ').append(name).append('=').append(id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID));
        }
    }
}
