package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.api.RequestSink;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The daemon's Prometheus metrics, kept in a Micrometer registry of its own (no global registry): plugin calls by
 * method and status ({@code mdnp_calls_total}), call latency histograms ({@code mdnp_call_duration_seconds}), kernel
 * operation latencies ({@code mdnp_kernel_op_duration_seconds}), and gauges read at scrape time: networks,
 * endpoints, IPAM pools and allocated addresses, events dropped for slow readers, and firewall repairs
 * ({@code mdnp_firewall_repairs_total}).
 *
 * <p>It observes the {@link RequestHistory}: {@link #recorded} runs on the api's thread, outside the history's lock,
 * and only updates lock-free meters. Thread-safe.
 */
final class InspectMetrics implements RequestSink {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The meters per tag set, looked up once: registering again per call costs more than the call itself. */
    private final Map<CallKey, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Timer> callDurations = new ConcurrentHashMap<>();
    private final Map<OpKey, Timer> kernelOpDurations = new ConcurrentHashMap<>();

    /**
     * Creates the registry and its gauges.
     *
     * @param recorderDropped how many calls the request log dropped, 0 without one
     */
    InspectMetrics(InspectSources sources, LongSupplier recorderDropped) {
        requireNonNull(recorderDropped, "recorderDropped");
        DriverState state = sources.driverState();
        IpamDriver ipam = sources.ipam();
        Gauge.builder("mdnp.networks", state, s -> s.networks().size())
                .description("networks mdnp holds").strongReference(true).register(registry);
        Gauge.builder("mdnp.endpoints", state, s -> s.endpoints().size())
                .description("endpoints mdnp holds").strongReference(true).register(registry);
        Gauge.builder("mdnp.ipam.pools", ipam, i -> i.snapshot().pools().size())
                .description("address pools mdnp's IPAM holds").strongReference(true).register(registry);
        Gauge.builder("mdnp.ipam.allocated.addresses", ipam, i -> i.snapshot().addresses().size())
                .description("addresses mdnp's IPAM has allocated, gateways included").strongReference(true)
                .register(registry);
        FunctionCounter.builder("mdnp.events.dropped", sources.events(), EventLog::dropped)
                .description("events slow event-stream clients missed").register(registry);
        FunctionCounter.builder("mdnp.record.dropped", recorderDropped, LongSupplier::getAsLong)
                .description("calls the request log file dropped because its writer fell behind")
                .register(registry);
        FunctionCounter.builder("mdnp.firewall.repairs", sources.firewallDrift(), FirewallDrift::count)
                .description("repairs of mdnp's firewall rules after something else removed or moved them (drift)")
                .register(registry);
    }

    @Override
    public void recorded(RequestRecord record) {
        calls.computeIfAbsent(new CallKey(record.method(), record.status()), key -> Counter.builder("mdnp.calls")
                .description("plugin API calls")
                .tag("method", key.method())
                .tag("status", Integer.toString(key.status()))
                .register(registry))
                .increment();
        callDurations.computeIfAbsent(record.method(), method -> Timer.builder("mdnp.call.duration")
                .description("plugin API call latency")
                .tag("method", method)
                .publishPercentileHistogram()
                .register(registry))
                .record(record.durationMicros(), TimeUnit.MICROSECONDS);
        for (KernelOpRecord op : record.kernelOps()) {
            kernelOpDurations.computeIfAbsent(new OpKey(op.operation(), op.ok()), key ->
                    Timer.builder("mdnp.kernel.op.duration")
                            .description("kernel operation latency (netlink, firewall)")
                            .tag("operation", key.operation())
                            .tag("ok", Boolean.toString(key.ok()))
                            .publishPercentileHistogram()
                            .register(registry))
                    .record(op.durationMicros(), TimeUnit.MICROSECONDS);
        }
    }

    /** The tags of one {@code mdnp.calls} counter. */
    private record CallKey(String method, int status) {
    }

    /** The tags of one {@code mdnp.kernel.op.duration} timer. */
    private record OpKey(String operation, boolean ok) {
    }

    /** Returns every metric in the Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    /** Releases the registry's meters. */
    void close() {
        registry.close();
    }
}
