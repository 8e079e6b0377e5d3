package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Runs the dispatched part of a call with its trace as the current call of the worker thread, so that what the
 * driver's layers report to {@link CallRecorder#kernelOp} and {@link CallRecorder#storeCommitted} lands in it.
 */
final class CallScopeHandler implements HttpHandler {

    private final CallRecorder recorder;
    private final HttpHandler next;

    CallScopeHandler(CallRecorder recorder, HttpHandler next) {
        this.recorder = requireNonNull(recorder, "recorder");
        this.next = requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        CallTrace trace = CallTrace.of(exchange);
        trace.dispatched();
        recorder.enter(trace);
        try {
            next.handleRequest(exchange);
        } finally {
            recorder.leave();
        }
    }
}
