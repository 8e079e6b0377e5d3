package dev.mdnp.inspector.testsupport;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link RequestRecord}s for tests: a successful call with empty bodies unless told otherwise. */
public final class CallBuilder {

    /** The start of call 1 unless {@link #at} says otherwise: 2024-05-06T07:08:09Z. */
    public static final Instant T0 = Instant.parse("2024-05-06T07:08:09Z");

    private final long seq;
    private final String method;
    private Instant start;
    private String networkId = "";
    private String endpointId = "";
    private int status = 200;
    private String error = "";
    private String request = "{}";
    private String response = "{}";
    private long durationMicros = 1_000;
    private PhaseTimings phases = PhaseTimings.NONE;
    private final List<KernelOpRecord> kernelOps = new ArrayList<>();

    private CallBuilder(long seq, String method) {
        this.seq = seq;
        this.method = method;
        this.start = T0.plusSeconds(seq);
    }

    /** Starts a call numbered {@code seq} of {@code method}, started {@code seq} seconds after {@link #T0}. */
    public static CallBuilder call(long seq, String method) {
        return new CallBuilder(seq, method);
    }

    /** Wraps records as the feed updates the store applies. */
    public static List<FeedUpdate> updates(RequestRecord... records) {
        List<FeedUpdate> batch = new ArrayList<>();
        for (RequestRecord record : records) {
            batch.add(new FeedUpdate.Request(record));
        }
        return batch;
    }

    /** Sets the start. */
    public CallBuilder at(Instant when) {
        this.start = when;
        return this;
    }

    /** Sets the start to {@code offset} after {@link #T0}. */
    public CallBuilder after(Duration offset) {
        return at(T0.plus(offset));
    }

    /** Sets the network id. */
    public CallBuilder network(String id) {
        this.networkId = id;
        return this;
    }

    /** Sets the endpoint id. */
    public CallBuilder endpoint(String id) {
        this.endpointId = id;
        return this;
    }

    /** Makes the call fail with {@code code} and {@code text}. */
    public CallBuilder failed(int code, String text) {
        this.status = code;
        this.error = text;
        return this;
    }

    /** Sets the request body. */
    public CallBuilder request(String json) {
        this.request = json;
        return this;
    }

    /** Sets the response body. */
    public CallBuilder response(String json) {
        this.response = json;
        return this;
    }

    /** Sets the total duration. */
    public CallBuilder micros(long micros) {
        this.durationMicros = micros;
        return this;
    }

    /** Sets the phase timings. */
    public CallBuilder phases(long decode, long driver, long kernel, long store, long encode) {
        this.phases = new PhaseTimings(decode, driver, kernel, store, encode);
        return this;
    }

    /** Adds a kernel operation. */
    public CallBuilder op(String operation, String target, long micros, String opError) {
        kernelOps.add(new KernelOpRecord(operation, target, micros, opError));
        return this;
    }

    /** Returns the record. */
    public RequestRecord build() {
        return new RequestRecord(seq, start, method, networkId, endpointId, status, error, request, response,
                durationMicros, phases, kernelOps);
    }
}
