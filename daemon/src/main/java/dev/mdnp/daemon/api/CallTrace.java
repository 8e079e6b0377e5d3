package dev.mdnp.daemon.api;

import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What one plugin call did, collected while it runs and turned into its {@link RequestRecord} when its reply is sent.
 * The handlers of the chain mark the moments between the phases; the kernel and store hooks of {@link CallRecorder}
 * add what happened below the api.
 *
 * <p>The moments, in the order a call passes them, and the phases between them:
 * <pre>
 * start -decode- bodyRead ..queue.. dispatched -decode- decoded -driver(+kernel+store)- replying -encode- end
 * </pre>
 * <ul>
 *   <li>decode: reading the body (I/O thread) plus parsing and binding it (worker); the wait for a worker is left out
 *   <li>kernel, store: the sums the hooks reported during the call, capped to the driver method's time
 *   <li>driver: the driver or IPAM method's time, without the kernel and store time inside it
 *   <li>encode: from the reply's first byte of work (encoding, or the error reply) to the end of the exchange
 * </ul>
 * A moment that did not happen leaves its phase at 0 (a 404 is answered before any body is read; a body that does
 * not decode has no driver phase). The phases are disjoint, so their sum never exceeds the call's total.
 *
 * <p>Thread-safe: a call touches its trace from its I/O thread, then its worker, then whichever thread completes the
 * exchange; every method holds the trace's lock.
 */
final class CallTrace {

    /** The trace of the exchange's call, attached by {@link RecordingHandler}. */
    static final AttachmentKey<CallTrace> ATTACHMENT = AttachmentKey.create(CallTrace.class);
    /** Bodies are kept up to this many bytes of UTF-8, then cut and ended with {@link #CUT_MARK}. */
    static final int MAX_TEXT_BYTES = 64 * 1024;
    static final String CUT_MARK = "…";

    private static final long UNSET = Long.MIN_VALUE;
    private static final long NANOS_PER_MICRO = 1_000;

    private final long seq;
    private final Instant start;
    private final String method;
    private final LongSupplier ticker;
    private final long startNanos;

    private CallIds ids = CallIds.NONE;
    private String requestText = "";
    private String responseText = "";
    private String error = "";
    private long bodyReadNanos = UNSET;
    private long dispatchedNanos = UNSET;
    private long decodedNanos = UNSET;
    private long replyingNanos = UNSET;
    private long kernelNanos;
    private long storeNanos;
    private final List<KernelOpRecord> kernelOps = new ArrayList<>();

    /**
     * Starts the trace of a call now.
     *
     * @param method the protocol method: the request path without its slash
     * @param ticker the source of {@code System.nanoTime()}-like readings
     */
    CallTrace(long seq, Instant start, String method, LongSupplier ticker) {
        this.seq = seq;
        this.start = start;
        this.method = method;
        this.ticker = ticker;
        this.startNanos = ticker.getAsLong();
    }

    /** Returns the exchange's trace; without one (no {@link RecordingHandler} above), a fresh trace nobody reads. */
    static CallTrace of(HttpServerExchange exchange) {
        CallTrace trace = exchange.getAttachment(ATTACHMENT);
        return trace != null ? trace : new CallTrace(0, Instant.EPOCH, exchange.getRequestPath(), System::nanoTime);
    }

    String method() {
        return method;
    }

    synchronized CallIds ids() {
        return ids;
    }

    /** The whole body has arrived. */
    synchronized void bodyRead(byte[] body) {
        bodyReadNanos = ticker.getAsLong();
        requestText = text(body);
    }

    /** A worker has taken the call. */
    synchronized void dispatched() {
        dispatchedNanos = ticker.getAsLong();
    }

    /** The body parsed; these are the ids it names. */
    synchronized void named(CallIds callIds) {
        ids = callIds;
    }

    /** The body is bound to the method's request record; the driver method starts. */
    synchronized void decoded() {
        decodedNanos = ticker.getAsLong();
    }

    /** The reply, success or error, starts to be built; only the first call counts. */
    synchronized void replying() {
        if (replyingNanos == UNSET) {
            replyingNanos = ticker.getAsLong();
        }
    }

    /** The success body about to be sent; the buffer is not consumed. */
    synchronized void responded(ByteBuffer body) {
        responseText = text(body);
    }

    /** The error reply about to be sent: its {@code Err} text and whole body; the buffer is not consumed. */
    synchronized void failed(String message, ByteBuffer body) {
        error = message;
        responseText = text(body);
    }

    synchronized void kernelOp(KernelOpRecord op) {
        kernelOps.add(op);
        kernelNanos += op.durationMicros() * NANOS_PER_MICRO;
    }

    synchronized void storeCommitted(long nanos) {
        storeNanos += nanos;
    }

    /** Ends the call now, with the reply's status, and returns its record. */
    synchronized RequestRecord finish(int status) {
        long endNanos = ticker.getAsLong();
        long replyAt = replyingNanos != UNSET ? replyingNanos : endNanos;
        long decode = between(startNanos, bodyReadNanos)
                + between(dispatchedNanos, decodedNanos != UNSET ? decodedNanos : replyAt);
        long driverTotal = between(decodedNanos, replyAt);
        long kernel = Math.min(kernelNanos, driverTotal);
        long store = Math.min(storeNanos, driverTotal - kernel);
        long encode = between(replyingNanos, endNanos);
        PhaseTimings phases = new PhaseTimings(micros(decode), micros(driverTotal - kernel - store), micros(kernel),
                micros(store), micros(encode));
        return new RequestRecord(seq, start, method, ids.networkId(), ids.endpointId(), status, error, requestText,
                responseText, micros(endNanos - startNanos), phases, kernelOps);
    }

    /**
     * Returns {@code text}, or when it is longer than {@code maxChars} its start and "…", {@code maxChars} characters
     * in all; a surrogate pair is never split.
     */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT_MARK;
    }

    /** Decodes a body as UTF-8, cut after {@link #MAX_TEXT_BYTES} at a character boundary. */
    static String text(byte[] bytes) {
        if (bytes.length <= MAX_TEXT_BYTES) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        int cut = MAX_TEXT_BYTES;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) { // a UTF-8 continuation byte: back up to its character's start
            cut--;
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8) + CUT_MARK;
    }

    private static String text(ByteBuffer body) {
        ByteBuffer view = body.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return text(bytes);
    }

    private static long between(long from, long to) {
        return from == UNSET || to == UNSET ? 0 : Math.max(0, to - from);
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos) / NANOS_PER_MICRO;
    }
}
