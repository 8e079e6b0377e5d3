package dev.mdnp.inspector.testsupport;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import dev.mdnp.model.inspect.PortView;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds the daemon's objects by hand for the object tabs' and the topology's tests: a network "demo" with bridge
 * {@code mdnpb1111111111} on 10.77.0.0/24, and helpers for its endpoints, links and pools, for Docker's names
 * ({@link #named}, {@link #container}), and for the plugin calls that created them ({@link #networkCalls},
 * {@link #runCalls}); and a classroom: networks "front" and "back", containers "web" (front), "app" (both) and "db"
 * (back), as Docker names them.
 */
public final class ObjectsFixture {

    /** The demo network's id. */
    public static final String NET = "1111111111aaaaaaaaaabbbbbbbbbbcccccccccc";
    /** The demo network's bridge. */
    public static final String BRIDGE = "mdnpb1111111111";
    /** The demo network's subnet. */
    public static final String SUBNET = "10.77.0.0/24";

    /** The classroom's network "front". */
    public static final String FRONT = "2222222222aaaaaaaaaabbbbbbbbbbcccccccccc";
    /** The classroom's network "back". */
    public static final String BACK = "3333333333aaaaaaaaaabbbbbbbbbbcccccccccc";
    /** The classroom's endpoint of web on front (veths named after it, as {@link #hostEnd}). */
    public static final char WEB = 'a';
    /** The classroom's endpoint of app on front: its eth0. */
    public static final char APP_FRONT = 'b';
    /** The classroom's endpoint of app on back: its eth1. */
    public static final char APP_BACK = 'c';
    /** The classroom's endpoint of db on back. */
    public static final char DB = 'd';
    /** The demo network's IPAM pool id, as mdnp names it. */
    public static final String POOL_ID = "mdnp/" + SUBNET;

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private ObjectsFixture() {
    }

    /** Returns the demo network with {@code endpoints} endpoints. */
    public static NetworkView demoNetwork(int endpoints) {
        return new NetworkView(NET, "", BRIDGE, 1400, List.of(SUBNET), List.of(), List.of("10.77.0.1/24"),
                Map.of("com.docker.network.driver.mtu", "1400"), endpoints, T0);
    }

    /** Returns an endpoint of the demo network named after {@code digit} (veths mdnphDDDD, mdnpcDDDD). */
    public static EndpointView endpoint(char digit, String ipv4, boolean joined) {
        String id = String.valueOf(digit).repeat(40);
        return new EndpointView(id, NET, hostEnd(digit), containerEnd(digit), "02:42:0a:4d:00:0" + digit,
                ipv4, "", joined, joined ? "/var/run/docker/netns/" + id.substring(0, 12) : "", List.of(),
                ContainerRef.UNKNOWN);
    }

    /** Returns the endpoint named after {@code digit} with {@code -p 8080:80} published in IPv4 and IPv6. */
    public static EndpointView published(char digit, String ipv4) {
        String address = ipv4.substring(0, ipv4.indexOf('/'));
        return endpoint(digit, ipv4, true).withPorts(List.of(
                new PortView("tcp", "0.0.0.0", 8080, address, 80, false),
                new PortView("tcp", "::", 8080, "fd77::" + digit, 80, false)));
    }

    /** Returns the host end's name of the endpoint named after {@code digit}. */
    public static String hostEnd(char digit) {
        return "mdnph" + String.valueOf(digit).repeat(10);
    }

    /** Returns the container end's name of the endpoint named after {@code digit}. */
    public static String containerEnd(char digit) {
        return "mdnpc" + String.valueOf(digit).repeat(10);
    }

    /** Returns a bridge the kernel has, with {@code drift}. */
    public static LinkView bridge(String name, String networkId, Drift drift) {
        return new LinkView(name, "bridge", 3, "", "", 1400, "02:42:00:00:00:01", true, "UP", 2048, 4096,
                networkId, "", drift);
    }

    /** Returns the host end of the endpoint named after {@code digit}, up, a port of the demo bridge. */
    public static LinkView hostLink(char digit) {
        return new LinkView(hostEnd(digit), "veth", 10 + digit, "", BRIDGE, 1400, "ae:00:00:00:00:0" + digit, true,
                "UP", 1536, 3 * 1024 * 1024, NET, String.valueOf(digit).repeat(40), Drift.NONE);
    }

    /** Returns a veth end the kernel has and the state does not know. */
    public static LinkView strangeVeth(String name, String peer, String master) {
        return new LinkView(name, "veth", 99, peer, master, 1500, "ae:99:00:00:00:01", true, "UP", 0, 0, "", "",
                Drift.UNKNOWN_TO_STATE);
    }

    /** Returns a link the state knows and the kernel lacks. */
    public static LinkView missing(String name, String kind, String networkId, String endpointId) {
        return new LinkView(name, kind, 0, "", "", 0, "", false, "", 0, 0, networkId, endpointId,
                Drift.MISSING_IN_KERNEL);
    }

    /** Returns the container end of a joined endpoint, which the daemon's namespace lacks without drift. */
    public static LinkView inContainer(char digit) {
        return new LinkView(containerEnd(digit), "veth", 0, "", "", 0, "", false, "", 0, 0, NET,
                String.valueOf(digit).repeat(40), Drift.NONE);
    }

    /** Returns {@code network} as Docker names it {@code name}. */
    public static NetworkView named(NetworkView network, String name) {
        return network.withName(name);
    }

    /** Returns a container Docker calls {@code name} (id {@code name} repeated and padded), with {@code aliases}. */
    public static ContainerRef container(String name, String... aliases) {
        return new ContainerRef((name + "0".repeat(64)).substring(0, 64), name, List.of(aliases));
    }

    /**
     * Returns what {@code docker network create} makes the plugin do for the demo network, numbered from
     * {@code firstSeq}: RequestPool, RequestAddress of the gateway 10.77.0.1, CreateNetwork.
     */
    public static List<RequestRecord> networkCalls(long firstSeq) {
        return List.of(
                call(firstSeq, "IpamDriver.RequestPool")
                        .request("{\"AddressSpace\":\"mdnp\",\"Pool\":\"\",\"V6\":false}")
                        .response("{\"PoolID\":\"" + POOL_ID + "\",\"Pool\":\"" + SUBNET + "\",\"Data\":{}}")
                        .build(),
                call(firstSeq + 1, "IpamDriver.RequestAddress")
                        .request("{\"PoolID\":\"" + POOL_ID + "\",\"Address\":\"\",\"Options\":{\""
                                + OptionKeys.REQUEST_ADDRESS_TYPE + "\":\"" + OptionKeys.GATEWAY_ADDRESS_TYPE + "\"}}")
                        .response("{\"Address\":\"10.77.0.1/24\",\"Data\":{}}").build(),
                call(firstSeq + 2, "NetworkDriver.CreateNetwork").network(NET)
                        .request("{\"NetworkID\":\"" + NET + "\",\"IPv4Data\":[{\"AddressSpace\":\"mdnp\",\"Pool\":\""
                                + SUBNET + "\",\"Gateway\":\"10.77.0.1/24\"}]}").build());
    }

    /**
     * Returns what {@code docker run} on the demo network makes the plugin do for the endpoint named after
     * {@code digit} with address {@code ipv4} (CIDR), numbered from {@code firstSeq}, each call taking
     * {@code micros}: RequestAddress, CreateEndpoint, Join, ProgramExternalConnectivity.
     */
    public static List<RequestRecord> runCalls(long firstSeq, char digit, String ipv4, long micros) {
        String id = String.valueOf(digit).repeat(40);
        return List.of(
                call(firstSeq, "IpamDriver.RequestAddress").micros(micros)
                        .request("{\"PoolID\":\"" + POOL_ID + "\",\"Address\":\"\",\"Options\":{}}")
                        .response("{\"Address\":\"" + ipv4 + "\",\"Data\":{}}").build(),
                call(firstSeq + 1, "NetworkDriver.CreateEndpoint").network(NET).endpoint(id).micros(micros)
                        .request("{\"NetworkID\":\"" + NET + "\",\"EndpointID\":\"" + id
                                + "\",\"Interface\":{\"Address\":\"" + ipv4 + "\",\"AddressIPv6\":\"\"}}")
                        .build(),
                call(firstSeq + 2, "NetworkDriver.Join").network(NET).endpoint(id).micros(micros).build(),
                call(firstSeq + 3, "NetworkDriver.ProgramExternalConnectivity").network(NET).endpoint(id)
                        .micros(micros).build());
    }

    /** Returns {@code docker rm}'s IPAM call for the endpoint's address {@code ipv4} (CIDR), numbered {@code seq}. */
    public static RequestRecord releaseAddress(long seq, String ipv4) {
        return call(seq, "IpamDriver.ReleaseAddress").request("{\"PoolID\":\"" + POOL_ID + "\",\"Address\":\""
                + ipv4.substring(0, ipv4.indexOf('/')) + "\"}").build();
    }

    /** Returns an mdnp IPAM pool. */
    public static PoolView pool(String cidr, long used, long free) {
        return new PoolView("mdnp/" + cidr, "mdnp", cidr, "", used, free);
    }

    /**
     * Returns the classroom, read with every counter at 1000 bytes but app's interface on back (its host end and
     * eth1), which counted {@code appBackBytes}: raise it between readings for a ping from app to db.
     */
    public static DaemonObjects classroom(long appBackBytes) {
        ContainerRef web = container("web");
        ContainerRef app = container("app");
        ContainerRef db = container("db");
        List<EndpointView> endpoints = List.of(
                endpointOf(WEB, FRONT, "10.78.0.2/24", web).withPorts(List.of(
                        new PortView("tcp", "0.0.0.0", 8080, "10.78.0.2", 80, false))),
                endpointOf(APP_FRONT, FRONT, "10.78.0.3/24", app),
                endpointOf(APP_BACK, BACK, "10.79.0.3/24", app),
                endpointOf(DB, BACK, "10.79.0.2/24", db));
        List<LinkView> links = List.of(bridge(bridgeOf(FRONT), FRONT, Drift.NONE),
                bridge(bridgeOf(BACK), BACK, Drift.NONE), hostLinkOf(WEB, FRONT, 1000),
                hostLinkOf(APP_FRONT, FRONT, 1000), hostLinkOf(APP_BACK, BACK, appBackBytes),
                hostLinkOf(DB, BACK, 1000), inContainerOf(WEB, FRONT), inContainerOf(APP_FRONT, FRONT),
                inContainerOf(APP_BACK, BACK), inContainerOf(DB, BACK));
        List<ContainerView> containers = List.of(
                new ContainerView(sandboxOf(web), web, List.of(inside(WEB, FRONT, "eth0", 1000))),
                new ContainerView(sandboxOf(app), app, List.of(inside(APP_FRONT, FRONT, "eth0", 1000),
                        inside(APP_BACK, BACK, "eth1", appBackBytes))),
                new ContainerView(sandboxOf(db), db, List.of(inside(DB, BACK, "eth0", 1000))));
        InfoView info = new InfoView("mdnp", "0.1.0", T0, "/run/docker/plugins/mdnp.sock", "/var/lib/mdnp", 2, 4, 0,
                0, 1000, 0);
        // Listed in the daemon's order (by id), which is not the order by name.
        return new DaemonObjects(info, List.of(network(FRONT, "front", "10.78.0.0/24", 2),
                network(BACK, "back", "10.79.0.0/24", 2)), endpoints, containers, links, List.of(), T0);
    }

    /** Returns the bridge of the classroom's network {@code networkId}. */
    public static String bridgeOf(String networkId) {
        return "mdnpb" + networkId.substring(0, 10);
    }

    private static NetworkView network(String id, String name, String subnet, int endpoints) {
        String gateway = subnet.replace(".0/24", ".1/24");
        return new NetworkView(id, name, bridgeOf(id), 0, List.of(subnet), List.of(), List.of(gateway), Map.of(),
                endpoints, T0);
    }

    private static ContainerRef container(String name) {
        return new ContainerRef((name + "0").repeat(64).substring(0, 64), name, List.of());
    }

    private static String sandboxOf(ContainerRef container) {
        return "/var/run/docker/netns/" + container.name() + "-netns";
    }

    private static EndpointView endpointOf(char digit, String networkId, String ipv4, ContainerRef container) {
        String id = String.valueOf(digit).repeat(40);
        return new EndpointView(id, networkId, hostEnd(digit), containerEnd(digit), "02:42:0a:4e:00:0" + digit, ipv4,
                "", true, sandboxOf(container), List.of(), container);
    }

    private static LinkView hostLinkOf(char digit, String networkId, long bytes) {
        return new LinkView(hostEnd(digit), "veth", 10 + digit, "", bridgeOf(networkId), 1500,
                "ae:00:00:00:00:0" + digit, true, "UP", bytes, bytes, networkId, String.valueOf(digit).repeat(40),
                Drift.NONE);
    }

    private static LinkView inContainerOf(char digit, String networkId) {
        return new LinkView(containerEnd(digit), "veth", 0, "", "", 0, "", false, "", 0, 0, networkId,
                String.valueOf(digit).repeat(40), Drift.NONE);
    }

    private static ContainerInterfaceView inside(char digit, String networkId, String name, long bytes) {
        return new ContainerInterfaceView(String.valueOf(digit).repeat(40), networkId, name,
                "02:42:0a:4e:00:0" + digit, "UP", bytes, bytes, "");
    }

    /** Returns one reading of these objects. */
    public static DaemonObjects objects(List<NetworkView> networks, List<EndpointView> endpoints,
            List<LinkView> links, List<PoolView> pools) {
        InfoView info = new InfoView("mdnp", "0.1.0", T0, "/run/docker/plugins/mdnp.sock", "/var/lib/mdnp",
                networks.size(), endpoints.size(), 0, 0, 1000, 0);
        return new DaemonObjects(info, networks, endpoints, links, pools, T0);
    }

    /** Puts one reading into {@code store}, as the feed would. */
    public static void show(InspectorStore store, DaemonObjects objects) {
        store.apply(List.of(new FeedUpdate.Objects(objects)));
    }
}
