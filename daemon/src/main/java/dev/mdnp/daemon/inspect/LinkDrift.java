package dev.mdnp.daemon.inspect;

import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.VethLink;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.LinkView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the kernel's links with the driver's state into {@link LinkView}s with drift flags. The links of interest
 * are the bridges of mdnp's networks, both veth ends of its endpoints, and every link whose name starts with
 * {@value #PREFIX} among those the {@link LinkSource} gives (the daemon's own: its device groups). A link the state knows and the kernel has is {@link Drift#NONE}; one the state knows and the
 * kernel lacks is {@link Drift#MISSING_IN_KERNEL}, except the container end of a joined endpoint, which lives in the
 * container's namespace and counts as present; a link with the prefix that the state does not know is
 * {@link Drift#UNKNOWN_TO_STATE}.
 */
final class LinkDrift {

    /** The prefix of the links mdnp creates. */
    static final String PREFIX = "mdnp";

    private LinkDrift() {
    }

    /** What the state says about one link name. */
    record Known(String kind, String networkId, String endpointId, boolean expectedOnHost) {
    }

    /** Returns what the state knows, by link name. */
    static Map<String, Known> known(List<Network> networks, List<Endpoint> endpoints) {
        Map<String, Known> known = new HashMap<>();
        for (Network network : networks) {
            known.put(network.bridge(), new Known("bridge", network.id(), "", true));
        }
        for (Endpoint endpoint : endpoints) {
            known.put(endpoint.hostName(), new Known("veth", endpoint.networkId(), endpoint.id(), true));
            known.put(endpoint.srcName(), new Known("veth", endpoint.networkId(), endpoint.id(), !endpoint.joined()));
        }
        return known;
    }

    /** Returns whether a link of this name concerns mdnp. */
    static boolean concerns(String name, Map<String, Known> known) {
        return name.startsWith(PREFIX) || known.containsKey(name);
    }

    /** Returns the views of every link of interest, sorted by name. */
    static List<LinkView> join(List<Link> kernel, List<Network> networks, List<Endpoint> endpoints) {
        Map<String, Known> known = known(networks, endpoints);
        Map<Integer, String> names = new HashMap<>();
        for (Link link : kernel) {
            names.put(link.index(), link.name());
        }
        List<LinkView> views = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Link link : kernel) {
            if (concerns(link.name(), known)) {
                present.add(link.name());
                views.add(present(link, names, known));
            }
        }
        known.forEach((name, k) -> {
            if (!present.contains(name)) {
                views.add(absent(name, k));
            }
        });
        views.sort(Comparator.comparing(LinkView::name));
        return views;
    }

    /** Returns the view of a link the kernel has. */
    static LinkView present(Link link, Map<Integer, String> names, Map<String, Known> known) {
        Known k = known.get(link.name());
        int peerIndex = link instanceof VethLink veth ? veth.peerIndex() : 0;
        MacAddress mac = link.mac();
        return new LinkView(link.name(), link.kind(), link.index(), names.getOrDefault(peerIndex, ""),
                names.getOrDefault(link.masterIndex(), ""), link.mtu(), mac == null ? "" : mac.toString(),
                link.up(), link.attrs().operState().name(), link.attrs().stats().rxBytes(),
                link.attrs().stats().txBytes(), k == null ? "" : k.networkId(), k == null ? "" : k.endpointId(),
                k == null ? Drift.UNKNOWN_TO_STATE : Drift.NONE);
    }

    /** Returns the view of a link the state knows and the kernel (in this namespace) lacks. */
    static LinkView absent(String name, Known k) {
        return new LinkView(name, k.kind(), 0, "", "", 0, "", false, "", 0, 0, k.networkId(), k.endpointId(),
                k.expectedOnHost() ? Drift.MISSING_IN_KERNEL : Drift.NONE);
    }
}
