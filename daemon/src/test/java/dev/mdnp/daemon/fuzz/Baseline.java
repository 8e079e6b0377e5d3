package dev.mdnp.daemon.fuzz;

import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.ipam.AddressRecord;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.daemon.ipam.PoolRecord;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NetworkView;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state every fuzz case starts from, built through the plugin API from the goldens: networks N1
 * ({@code CreateNetwork.request.ipv6,aux}) and N2 ({@code .mtu}), endpoint E1 on N1 ({@code CreateEndpoint.request},
 * not joined) and E2 on N2 (joined with the {@code Join} golden and its port 80 published on host port 8080 with the
 * {@code ProgramExternalConnectivity} golden), IPAM pools P1 ({@code RequestPool.request.subpool}) and P2
 * ({@code .v6}) with the goldens' gateway, aux and MAC addresses.
 *
 * <p>{@link #restore} brings the daemon back to it after calls that succeeded and changed something: it deletes and
 * releases what was added, and creates again what is missing or changed, all through the plugin API; then it tells
 * what still differs from where {@link #build} left it (a delete must leave nothing behind, a create again must
 * build the same). Link indexes, MACs the kernel chose and creation times are not compared.
 */
final class Baseline {

    static final String N1 = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    static final String N2 = "8b7be4c63b9865bdc538feb1f0712600215bc51df483b0d5c6be3276db554e61";
    static final String E1 = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    static final String E2 = "955d00bd54bbba40eea9a89430fced54a431f91baa6a86cd9488cc1d47ccb6a5";

    private static final Duration SETTLE = Duration.ofSeconds(20);

    /** Calls one route of the plugin API. */
    @FunctionalInterface
    interface Caller {
        Reply post(String route, String body) throws IOException;
    }

    private record Call(String route, String body) {
    }

    private final Map<String, Call> networks = new LinkedHashMap<>();
    private final Map<String, List<Call>> endpoints = new LinkedHashMap<>();
    private final Map<String, Call> pools = new LinkedHashMap<>();
    private SystemState built;
    private SystemState builtSettled;
    private List<String> builtFirewall = List.of();
    private IpamSnapshot builtIpam = IpamSnapshot.EMPTY;
    private Map<String, EndpointView> builtEndpointViews = Map.of();

    Baseline() {
        networks.put(N1, new Call(Routes.CREATE_NETWORK, Seeds.golden("cnm/CreateNetwork.request.ipv6,aux.json")));
        networks.put(N2, new Call(Routes.CREATE_NETWORK, Seeds.golden("cnm/CreateNetwork.request.mtu.json")));
        endpoints.put(E1, List.of(new Call(Routes.CREATE_ENDPOINT, Seeds.golden("cnm/CreateEndpoint.request.json"))));
        endpoints.put(E2, List.of(
                new Call(Routes.CREATE_ENDPOINT, """
                        {"NetworkID": "%s", "EndpointID": "%s",
                         "Interface": {"Address": "172.19.0.2/16", "AddressIPv6": "", "MacAddress": ""},
                         "Options": {"com.docker.network.endpoint.exposedports": [{"Proto": 6, "Port": 80}],
                           "com.docker.network.portmap": [{"Proto": 6, "IP": "", "Port": 80, "HostIP": "",
                             "HostPort": 8080, "HostPortEnd": 8080}]}}
                        """.formatted(N2, E2)),
                new Call(Routes.JOIN, Seeds.onSecondEndpoint(Seeds.golden("cnm/Join.request.json"))),
                new Call(Routes.PROGRAM, Seeds.onSecondEndpoint(
                        Seeds.golden("cnm/ProgramExternalConnectivity.request.json")))));
        pools.put("MdnpLocal/10.88.0.0/16/10.88.5.0/24", new Call(Routes.REQUEST_POOL,
                Seeds.onSecondEndpoint(Seeds.golden("ipam/RequestPool.request.subpool.json"))));
        pools.put("MdnpLocal/fd88::/64", new Call(Routes.REQUEST_POOL,
                Seeds.onSecondEndpoint(Seeds.golden("ipam/RequestPool.request.v6.json"))));
    }

    /** Builds the baseline on a daemon that has nothing, and remembers what it looks like. */
    void build(FuzzedDaemon daemon, Caller caller) throws Exception {
        create(caller);
        await().atMost(SETTLE).until(daemon::noDoomedLinks);
        built = daemon.state(true);
        builtSettled = daemon.settledState();
        builtFirewall = daemon.firewall();
        builtIpam = daemon.ipam();
        builtEndpointViews = endpointViews(built);
        if (builtFirewall.stream().noneMatch(line -> line.contains("mdnp:" + FuzzedDaemon.NAME + ":"))) {
            throw new IllegalStateException("the firewall listing shows none of the baseline's rules: "
                    + builtFirewall);
        }
    }

    /**
     * Brings the daemon back to the baseline through the plugin API: deletes and releases what was added, creates
     * again what is missing or changed; returns what it did.
     */
    List<String> restore(FuzzedDaemon daemon, Caller caller) throws Exception {
        SystemState now = daemon.state(false);
        Map<String, EndpointView> endpointsNow = endpointViews(now);
        Set<String> networksNow = networkIds(now);
        List<String> done = new ArrayList<>();
        for (EndpointView endpoint : endpointsNow.values()) {
            String id = endpoint.id();
            if (endpoints.containsKey(id) && !endpoint.equals(builtEndpointViews.get(id))) {
                mend(caller, endpoint, builtEndpointViews.get(id), endpoints.get(id), done);
                endpoint = endpointViews(daemon.state(false)).get(id);
            }
            boolean intact = endpoints.containsKey(id) && endpoint.equals(builtEndpointViews.get(id));
            if (!intact) {
                call(caller, new Call(Routes.DELETE_ENDPOINT, ids(endpoint.networkId(), id)));
                done.add("deleted endpoint " + id);
            }
        }
        for (String id : networksNow) {
            if (!networks.containsKey(id)) {
                call(caller, new Call(Routes.DELETE_NETWORK, "{\"NetworkID\":\"" + id + "\"}"));
                done.add("deleted network " + id);
            }
        }
        for (Map.Entry<String, Call> network : networks.entrySet()) {
            if (!networksNow.contains(network.getKey())) {
                call(caller, network.getValue());
                done.add("created network " + network.getKey());
            }
        }
        Map<String, EndpointView> endpointsLeft = endpointViews(daemon.state(false));
        for (Map.Entry<String, List<Call>> endpoint : endpoints.entrySet()) {
            if (!builtEndpointViews.get(endpoint.getKey()).equals(endpointsLeft.get(endpoint.getKey()))) {
                for (Call call : endpoint.getValue()) {
                    call(caller, call);
                }
                done.add("created endpoint " + endpoint.getKey());
            }
        }
        restoreIpam(daemon, caller, done);
        return done;
    }

    /**
     * Returns what differs between {@code state} and {@code firewall} and the baseline as {@link #build} left it,
     * "" when nothing does.
     */
    String differences(SystemState state, List<String> firewall) {
        String changes = state.rebuildable().changesSince(built.rebuildable());
        String rules = SystemState.diff(builtFirewall.stream().sorted().toList(), firewall.stream().sorted().toList());
        return changes + (rules.isEmpty() ? "" : "firewall:\n" + rules);
    }

    /**
     * Deletes every network and releases every pool through the plugin API, then builds the baseline again: for
     * when {@link #restore} cannot reach it (the kernel lost something the views do not show).
     */
    void rebuild(FuzzedDaemon daemon, Caller caller) throws Exception {
        for (String id : networkIds(daemon.state(false))) {
            call(caller, new Call(Routes.DELETE_NETWORK, "{\"NetworkID\":\"" + id + "\"}"));
        }
        for (PoolRecord pool : daemon.ipam().pools()) {
            call(caller, new Call(Routes.RELEASE_POOL, "{\"PoolID\":" + quote(pool.poolId()) + "}"));
        }
        create(caller);
    }

    /**
     * Waits until the links deleted meanwhile are gone, then compares the state with {@code /v1/links} among the
     * views with the baseline's; returns what differs, "" when nothing does.
     */
    String settledDifferences(FuzzedDaemon daemon) throws Exception {
        await().atMost(SETTLE).until(daemon::noDoomedLinks);
        return daemon.settledState().rebuildable().changesSince(builtSettled.rebuildable());
    }

    private void create(Caller caller) throws IOException {
        for (Call network : networks.values()) {
            call(caller, network);
        }
        for (List<Call> calls : endpoints.values()) {
            for (Call call : calls) {
                call(caller, call);
            }
        }
        for (Call pool : pools.values()) {
            call(caller, pool);
        }
        for (String file : List.of("ipam/RequestAddress.request.gateway.json", "ipam/RequestAddress.request.aux.json",
                "ipam/RequestAddress.request.mac.json", "ipam/RequestAddress.request.gateway,v6,any.json")) {
            call(caller, new Call(Routes.REQUEST_ADDRESS, Seeds.onSecondEndpoint(Seeds.golden(file))));
        }
    }

    /**
     * Undoes a Join, Leave, Program or Revoke of a baseline endpoint with the call that reverses it, which costs far
     * less than deleting the endpoint and creating it again (what {@link #restore} does when this is not enough).
     */
    private static void mend(Caller caller, EndpointView now, EndpointView built, List<Call> setup, List<String> done)
            throws IOException {
        if (now.joined() != built.joined() || !now.sandboxKey().equals(built.sandboxKey())) {
            call(caller, built.joined() ? setupCall(setup, Routes.JOIN)
                    : new Call(Routes.LEAVE, ids(now.networkId(), now.id())));
            done.add((built.joined() ? "joined " : "left ") + now.id());
        }
        if (!now.ports().equals(built.ports())) {
            call(caller, built.ports().isEmpty() ? new Call(Routes.REVOKE, ids(now.networkId(), now.id()))
                    : setupCall(setup, Routes.PROGRAM));
            done.add((built.ports().isEmpty() ? "revoked " : "programmed ") + now.id());
        }
    }

    private static Call setupCall(List<Call> setup, String route) {
        return setup.stream().filter(call -> call.route().equals(route)).findFirst().orElseThrow();
    }

    private void restoreIpam(FuzzedDaemon daemon, Caller caller, List<String> done) throws IOException {
        IpamSnapshot now = daemon.ipam();
        Map<String, PoolRecord> builtPools = builtIpam.pools().stream()
                .collect(Collectors.toMap(PoolRecord::poolId, pool -> pool));
        for (PoolRecord pool : now.pools()) {
            if (!pool.equals(builtPools.get(pool.poolId()))) {
                call(caller, new Call(Routes.RELEASE_POOL, "{\"PoolID\":" + quote(pool.poolId()) + "}"));
                done.add("released pool " + pool.poolId());
            }
        }
        Set<String> poolsLeft = daemon.ipam().pools().stream().map(PoolRecord::poolId).collect(Collectors.toSet());
        for (PoolRecord pool : builtIpam.pools()) {
            if (!poolsLeft.contains(pool.poolId())) {
                call(caller, pools.get(pool.poolId()));
                done.add("requested pool " + pool.poolId());
            }
        }
        List<AddressRecord> addresses = daemon.ipam().addresses();
        for (AddressRecord address : addresses) {
            if (!builtIpam.addresses().contains(address)) {
                call(caller, new Call(Routes.RELEASE_ADDRESS, "{\"PoolID\":" + quote(address.poolId())
                        + ",\"Address\":" + quote(address.address()) + "}"));
                done.add("released address " + address.address());
            }
        }
        for (AddressRecord address : builtIpam.addresses()) {
            if (!addresses.contains(address)) {
                call(caller, new Call(Routes.REQUEST_ADDRESS, "{\"PoolID\":" + quote(address.poolId())
                        + ",\"Address\":" + quote(address.address()) + ",\"Options\":null}"));
                done.add("requested address " + address.address());
            }
        }
    }

    private static void call(Caller caller, Call call) throws IOException {
        Reply reply = caller.post(call.route(), call.body());
        if (reply.status() != 200) {
            throw new IllegalStateException("baseline call " + call.route() + " failed: " + reply.status() + " "
                    + reply.body() + "\nbody: " + call.body());
        }
    }

    private static Map<String, EndpointView> endpointViews(SystemState state) {
        Map<String, EndpointView> views = new LinkedHashMap<>();
        for (Object view : state.views()) {
            if (view instanceof EndpointView endpoint) {
                views.put(endpoint.id(), endpoint);
            }
        }
        return views;
    }

    /** Returns the ids of the networks in {@code state}'s views. */
    static Set<String> networkIds(SystemState state) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object view : state.views()) {
            if (view instanceof NetworkView network) {
                ids.add(network.id());
            }
        }
        return ids;
    }

    private static String ids(String networkId, String endpointId) {
        return "{\"NetworkID\":" + quote(networkId) + ",\"EndpointID\":" + quote(endpointId) + "}";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
