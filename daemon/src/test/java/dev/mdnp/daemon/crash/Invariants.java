package dev.mdnp.daemon.crash;

import dev.mdnp.daemon.crash.AckedState.Entity;
import dev.mdnp.daemon.crash.AckedState.Fate;
import dev.mdnp.daemon.crash.AckedState.Kind;
import dev.mdnp.daemon.crash.KernelSnapshot.KernelLink;
import dev.mdnp.daemon.crash.StoreSnapshot.StoredAllocation;
import dev.mdnp.daemon.crash.StoreSnapshot.StoredEndpoint;
import dev.mdnp.daemon.crash.StoreSnapshot.StoredNetwork;
import dev.mdnp.daemon.crash.StoreSnapshot.StoredPool;
import dev.mdnp.daemon.dataplane.Ownership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invariants a crash must not break, each returning its violations as readable lines (empty when it holds):
 * the store keeps everything acknowledged and nothing else, the store is consistent in itself, and the kernel of a
 * restarted daemon matches its store.
 */
public final class Invariants {

    /** Link names: the prefix, a role letter and the first 10 hex digits of Docker's id ({@code driver.IfNames}). */
    private static final int ID_DIGITS = 10;
    /** The device group of links waiting for the reaper: the doomed group of the crash test's daemon, "mdnpcrash". */
    private static final String DOOMED_GROUP = String.valueOf(Ownership.of("mdnpcrash").doomedGroup());

    private Invariants() {
    }

    /**
     * Every object whose creation got a 200 (and whose removal did not) is in the store, and every object in the
     * store was acknowledged or is in doubt; an automatic RequestAddress in doubt explains at most one extra address
     * of its pool.
     */
    public static List<String> storeKeepsAcked(AckedState.View acked, StoreSnapshot store) {
        List<String> violations = new ArrayList<>();
        for (StoredPool pool : store.pools()) {
            String ackedId = acked.poolIds().get(pool.cidr());
            if (ackedId != null && !ackedId.equals(pool.id())) {
                violations.add("pool " + pool.cidr() + " is stored as " + pool.id() + " but the IPAM answered "
                        + ackedId);
            }
        }
        Set<String> storedPools = new HashSet<>();
        store.pools().forEach(p -> storedPools.add(p.id()));
        for (StoredAllocation allocation : store.allocations()) {
            if (!storedPools.contains(allocation.poolId())) {
                violations.add("address " + allocation.address() + " is allocated in pool " + allocation.poolId()
                        + ", which is not stored");
            }
        }
        Set<Entity> stored = entities(store);
        acked.entities().forEach((entity, fate) -> {
            if (fate == Fate.PRESENT && !stored.contains(entity)) {
                violations.add("lost: " + entity + " got a 200 and is not in the store");
            }
        });
        Map<String, List<String>> unexplained = new TreeMap<>();
        for (Entity entity : stored) {
            if (acked.entities().containsKey(entity)) {
                continue;
            }
            String[] poolAndAddress = entity.key().split(" ", 2);
            if (entity.kind() == Kind.ADDRESS && acked.unknownAddressInDoubt().contains(poolAndAddress[0])) {
                unexplained.computeIfAbsent(poolAndAddress[0], k -> new ArrayList<>()).add(poolAndAddress[1]);
            } else {
                violations.add("phantom: " + entity + " is in the store, but no call that made it got a 200, or"
                        + " its removal did");
            }
        }
        unexplained.forEach((cidr, addresses) -> {
            if (addresses.size() > 1) {
                violations.add("phantom: pool " + cidr + " holds " + addresses + " beyond what got a 200, but only"
                        + " one RequestAddress was in flight");
            }
        });
        return violations;
    }

    /** Returns the objects the store holds, named as the client's record names them. */
    public static Set<Entity> entities(StoreSnapshot store) {
        Map<String, String> cidrOfPool = new HashMap<>();
        Set<Entity> stored = new HashSet<>();
        for (StoredPool pool : store.pools()) {
            cidrOfPool.put(pool.id(), pool.cidr());
            stored.add(Entity.pool(pool.cidr()));
        }
        for (StoredAllocation allocation : store.allocations()) {
            String cidr = cidrOfPool.get(allocation.poolId());
            if (cidr != null) {
                stored.add(Entity.address(cidr, allocation.address()));
            }
        }
        store.networks().forEach(n -> stored.add(Entity.network(n.id())));
        for (StoredEndpoint endpoint : store.endpoints()) {
            stored.add(Entity.endpoint(endpoint.id()));
            if (endpoint.joined()) {
                stored.add(Entity.joined(endpoint.id()));
            }
        }
        return stored;
    }

    /**
     * No address is allocated twice, no two pools overlap, every endpoint's address is allocated in its network's
     * stored pool, and links are named after the ids.
     */
    public static List<String> storeConsistent(StoreSnapshot store) {
        List<String> violations = new ArrayList<>();
        Map<String, List<String>> poolsOfAddress = new TreeMap<>();
        Set<StoredAllocation> allocations = new HashSet<>(store.allocations());
        for (StoredAllocation allocation : store.allocations()) {
            poolsOfAddress.computeIfAbsent(allocation.address(), a -> new ArrayList<>()).add(allocation.poolId());
        }
        poolsOfAddress.forEach((address, pools) -> {
            if (pools.size() > 1) {
                violations.add("address " + address + " is allocated twice, in " + pools);
            }
        });
        List<StoredPool> pools = store.pools();
        for (int i = 0; i < pools.size(); i++) {
            for (int j = i + 1; j < pools.size(); j++) {
                if (Subnet.parse(pools.get(i).cidr()).overlaps(Subnet.parse(pools.get(j).cidr()))) {
                    violations.add("pools " + pools.get(i).id() + " and " + pools.get(j).id() + " overlap");
                }
            }
        }
        for (StoredNetwork network : store.networks()) {
            expectName(violations, "bridge of network " + network.id(), network.bridge(), "mdnpb", network.id());
        }
        Map<String, String> endpointOfAddress = new HashMap<>();
        for (StoredEndpoint endpoint : store.endpoints()) {
            expectName(violations, "host end of endpoint " + endpoint.id(), endpoint.hostIfName(), "mdnph",
                    endpoint.id());
            expectName(violations, "container end of endpoint " + endpoint.id(), endpoint.containerIfName(),
                    "mdnpc", endpoint.id());
            String address = Subnet.bare(endpoint.ipv4Address());
            String other = endpointOfAddress.put(address, endpoint.id());
            if (other != null) {
                violations.add("endpoints " + other + " and " + endpoint.id() + " both have address " + address);
            }
            Optional<StoredNetwork> network = store.network(endpoint.networkId());
            Optional<StoredPool> pool = network.flatMap(n -> store.poolOf(n.poolCidr()));
            if (network.isEmpty()) {
                violations.add("endpoint " + endpoint.id() + " is on network " + endpoint.networkId()
                        + ", which is not stored");
            } else if (pool.isEmpty()) {
                violations.add("endpoint " + endpoint.id() + " has address " + address + " of pool "
                        + network.get().poolCidr() + ", which is not stored");
            } else if (!allocations.contains(new StoredAllocation(pool.get().id(), address))) {
                violations.add("endpoint " + endpoint.id() + " has address " + address + ", which is not allocated"
                        + " in its pool " + pool.get().id());
            }
        }
        return violations;
    }

    /**
     * Every {@code mdnp…} link belongs to a stored network or endpoint; every stored network has its bridge, up, with
     * its gateway address; every stored endpoint has its veth pair, the host end up and a port of its network's
     * bridge; none of them waits in the doomed group for deletion.
     */
    public static List<String> kernelMatchesStore(KernelSnapshot kernel, StoreSnapshot store) {
        List<String> violations = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        Map<String, String> bridgeOf = new HashMap<>();
        for (StoredNetwork network : store.networks()) {
            expected.add(network.bridge());
            bridgeOf.put(network.id(), network.bridge());
            Optional<KernelLink> bridge = kernel.link(network.bridge());
            if (bridge.isEmpty()) {
                violations.add("network " + network.id() + " is stored, but its bridge " + network.bridge()
                        + " is missing");
                continue;
            }
            expectLink(violations, bridge.get(), "bridge");
            if (!bridge.get().ipv4().contains(network.gateway())) {
                violations.add("bridge " + network.bridge() + " lacks its gateway " + network.gateway() + ": has "
                        + bridge.get().ipv4());
            }
        }
        for (StoredEndpoint endpoint : store.endpoints()) {
            expected.add(endpoint.hostIfName());
            expected.add(endpoint.containerIfName());
            Optional<KernelLink> host = kernel.link(endpoint.hostIfName());
            if (host.isEmpty()) {
                violations.add("endpoint " + endpoint.id() + " is stored, but its host end " + endpoint.hostIfName()
                        + " is missing");
                continue;
            }
            expectLink(violations, host.get(), "veth");
            String bridge = bridgeOf.getOrDefault(endpoint.networkId(), "?");
            if (!bridge.equals(host.get().master())) {
                violations.add("host end " + endpoint.hostIfName() + " is a port of '" + host.get().master()
                        + "', not of its bridge " + bridge);
            }
            if (kernel.link(endpoint.containerIfName()).isEmpty()) {
                violations.add("endpoint " + endpoint.id() + " is stored, but its container end "
                        + endpoint.containerIfName() + " is missing");
            }
        }
        kernel.links().values().stream().filter(link -> !expected.contains(link.name())).forEach(link ->
                violations.add("leaked link " + link.name() + " (" + link.kind() + ", group " + link.group()
                        + ", master '" + link.master() + "'): no stored network or endpoint has it"));
        return violations;
    }

    /** Every iptables rule that names an {@code mdnp…} interface names the bridge of a stored network. */
    public static List<String> firewallMatchesStore(KernelSnapshot kernel, StoreSnapshot store) {
        Set<String> bridges = new HashSet<>();
        store.networks().forEach(n -> bridges.add(n.bridge()));
        List<String> violations = new ArrayList<>();
        for (String name : kernel.firewallNames()) {
            if (!bridges.contains(name)) {
                violations.add("iptables rules name " + name + ", which is no stored network's bridge");
            }
        }
        return violations;
    }

    private static void expectLink(List<String> violations, KernelLink link, String kind) {
        if (!kind.equals(link.kind())) {
            violations.add(link.name() + " is a " + link.kind() + ", not a " + kind);
        }
        if (!link.up()) {
            violations.add(link.name() + " is down");
        }
        if (DOOMED_GROUP.equals(link.group())) {
            violations.add(link.name() + " belongs to a stored object but waits in the doomed group for deletion");
        }
    }

    private static void expectName(List<String> violations, String what, String name, String prefix, String id) {
        String expected = prefix + id.substring(0, Math.min(ID_DIGITS, id.length()));
        if (!expected.equals(name)) {
            violations.add(what + " is stored as " + name + ", not " + expected);
        }
    }
}
