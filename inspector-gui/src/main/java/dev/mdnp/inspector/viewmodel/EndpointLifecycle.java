package dev.mdnp.inspector.viewmodel;

import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks one endpoint's calls out of the log as they arrive, in log order: every call with its endpoint id, plus the
 * IPAM calls for its address, which carry no endpoint id. Docker asks for the address just before
 * {@code CreateEndpoint} (whose request holds it) and releases it just after {@code DeleteEndpoint}; so a
 * {@code RequestAddress} among the last few whose response holds that address, and a {@code ReleaseAddress} among
 * the next few calls after the delete whose request holds it, count as the endpoint's. A text search of the
 * bodies, without parsing, keeps this cheap. Not thread-safe.
 */
final class EndpointLifecycle {

    /** How far (in calls) the IPAM calls are looked for around the create and the delete. */
    static final int IPAM_REACH = 16;

    private static final Pattern INTERFACE_ADDRESS = Pattern.compile("\"Address\"\\s*:\\s*\"([^\"/]+)");
    private static final String CREATE = "NetworkDriver.CreateEndpoint";
    private static final String DELETE = "NetworkDriver.DeleteEndpoint";
    private static final String REQUEST_ADDRESS = "IpamDriver.RequestAddress";
    private static final String RELEASE_ADDRESS = "IpamDriver.ReleaseAddress";

    private final String endpointId;
    private final List<RequestRecord> calls = new ArrayList<>();
    private final Deque<RequestRecord> addressRequests = new ArrayDeque<>();
    private String address = "";
    private int releaseReach;

    EndpointLifecycle(String endpointId) {
        this.endpointId = endpointId;
    }

    /** Considers the next call of the log; returns whether it joined the lifecycle. */
    boolean add(RequestRecord call) {
        if (!endpointId.isEmpty() && call.endpointId().equals(endpointId)) {
            if (call.method().equals(CREATE)) {
                address = addressOf(call.requestJson());
                requestOf(address).ifPresent(calls::add);
            }
            calls.add(call);
            if (call.method().equals(DELETE)) {
                releaseReach = IPAM_REACH;
            }
            return true;
        }
        if (call.method().equals(REQUEST_ADDRESS)) {
            addressRequests.addLast(call);
            if (addressRequests.size() > IPAM_REACH) {
                addressRequests.removeFirst();
            }
        }
        if (releaseReach > 0) {
            releaseReach--;
            if (call.method().equals(RELEASE_ADDRESS) && holds(call.requestJson(), address)) {
                releaseReach = 0;
                calls.add(call);
                return true;
            }
        }
        return false;
    }

    /** Returns the steps so far, with offsets from the first call's start. */
    List<LifecycleStep> steps() {
        if (calls.isEmpty()) {
            return List.of();
        }
        List<LifecycleStep> steps = new ArrayList<>(calls.size());
        RequestRecord first = calls.get(0);
        for (RequestRecord call : calls) {
            Duration offset = Duration.between(first.start(), call.start());
            steps.add(new LifecycleStep(call, offset.toNanos() / 1_000));
        }
        return steps;
    }

    private Optional<RequestRecord> requestOf(String wanted) {
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Iterator<RequestRecord> newestFirst = addressRequests.descendingIterator();
        while (newestFirst.hasNext()) {
            RequestRecord request = newestFirst.next();
            if (holds(request.responseJson(), wanted)) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    private static String addressOf(String createRequest) {
        Matcher matcher = INTERFACE_ADDRESS.matcher(createRequest);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** Returns whether {@code json} holds {@code ip} as a whole JSON string or as the address of a CIDR string. */
    private static boolean holds(String json, String ip) {
        return !ip.isEmpty() && (json.contains("\"" + ip + "\"") || json.contains("\"" + ip + "/"));
    }
}
