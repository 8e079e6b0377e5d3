package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverException;
import dev.mdnp.model.inspect.FirewallRulesView;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inspect API's routes, each path declared and registered once. Only GET is served (anything else is 405 with
 * {@code Allow: GET}), an unknown path is 404, a malformed query 400, each with a JSON {@code {"Err": ...}} body.
 * The work runs on a worker thread: a request that arrives on an I/O thread is dispatched first.
 */
final class InspectRoutes implements HttpHandler {

    static final String INFO = "/v1/info";
    static final String NETWORKS = "/v1/networks";
    static final String NETWORK = "/v1/networks/";
    static final String ENDPOINTS = "/v1/endpoints";
    /** Reads inside each container's namespace on each call: one netlink dump per sandbox. */
    static final String CONTAINERS = "/v1/containers";
    static final String LINKS = "/v1/links";
    static final String POOLS = "/v1/ipam/pools";
    /** Lists the kernel's tables on each call: never part of what the inspector polls. */
    static final String FIREWALL = "/v1/firewall";
    /** The repairs of mdnp's rules since the start, after something else changed them. */
    static final String FIREWALL_REPAIRS = "/v1/firewall/repairs";
    static final String REQUESTS = "/v1/requests";
    static final String EVENTS = "/v1/events";
    static final String METRICS = "/metrics";

    /** The most calls one {@code /v1/requests} reply holds, and how many it holds when no limit is given. */
    static final int MAX_LIMIT = 10_000;
    static final int DEFAULT_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(InspectRoutes.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Snapshots snapshots;
    private final Replies replies;
    private final InspectMetrics metrics;
    private final HttpHandler events;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    InspectRoutes(Snapshots snapshots, Replies replies, InspectMetrics metrics, HttpHandler events) {
        this.snapshots = requireNonNull(snapshots, "snapshots");
        this.replies = requireNonNull(replies, "replies");
        this.metrics = requireNonNull(metrics, "metrics");
        this.events = requireNonNull(events, "events");
        routes.put(INFO, exchange -> replies.json(exchange, snapshots.info()));
        routes.put(NETWORKS, exchange -> replies.json(exchange, snapshots.networks()));
        routes.put(ENDPOINTS, exchange -> replies.json(exchange, snapshots.endpoints()));
        routes.put(CONTAINERS, exchange -> replies.json(exchange, snapshots.containers()));
        routes.put(LINKS, exchange -> replies.json(exchange, snapshots.links()));
        routes.put(POOLS, exchange -> replies.json(exchange, snapshots.pools()));
        routes.put(FIREWALL, this::firewall);
        routes.put(FIREWALL_REPAIRS, exchange -> replies.json(exchange, snapshots.firewallRepairs()));
        routes.put(REQUESTS, this::requests);
        routes.put(EVENTS, events);
        routes.put(METRICS, this::metrics);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        try {
            if (!Methods.GET.equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().put(Headers.ALLOW, Methods.GET_STRING);
                replies.error(exchange, 405, "method " + exchange.getRequestMethod()
                        + " is not allowed: the inspect socket is read-only, use GET");
                return;
            }
            String path = exchange.getRequestPath();
            HttpHandler route = routes.get(path);
            if (route == null && path.startsWith(NETWORK) && path.length() > NETWORK.length()) {
                route = this::network;
            }
            if (route == null) {
                replies.error(exchange, 404, "no such path: " + path);
                return;
            }
            route.handleRequest(exchange);
        } catch (BadQueryException e) {
            replies.error(exchange, 400, e.getMessage());
        } catch (RuntimeException e) { // the edge of the inspect API: a bug becomes a 500, never a dropped call
            log.error("inspect request failed path={}", exchange.getRequestPath(), e);
            if (!exchange.isResponseStarted()) {
                replies.error(exchange, 500, "internal error: " + e);
            }
        }
    }

    private void network(HttpServerExchange exchange) throws Exception {
        String id = exchange.getRequestPath().substring(NETWORK.length());
        var network = snapshots.network(id);
        if (network.isPresent()) {
            replies.json(exchange, network.get());
        } else {
            replies.error(exchange, 404, "network " + id + " is not known to mdnp");
        }
    }

    private void firewall(HttpServerExchange exchange) throws Exception {
        List<FirewallRulesView> views;
        try {
            views = snapshots.firewall();
        } catch (DriverException e) { // iptables missing, hung or refused: the daemon runs on, only the answer fails
            log.warn("firewall check failed: {}", e.getMessage());
            replies.error(exchange, 503, e.getMessage());
            return;
        }
        replies.json(exchange, views);
    }

    private void requests(HttpServerExchange exchange) throws Exception {
        Long after = QueryParams.number(exchange, "after", 0, Long.MAX_VALUE).orElse(null);
        int limit = QueryParams.number(exchange, "limit", 1, MAX_LIMIT).orElse((long) DEFAULT_LIMIT).intValue();
        replies.json(exchange, snapshots.requests(after, limit));
    }

    private void metrics(HttpServerExchange exchange) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, PROMETHEUS_TEXT);
        exchange.getResponseSender().send(metrics.scrape(), StandardCharsets.UTF_8);
    }
}
