package dev.mdnp.daemon.reconcile;

import dev.mdnp.daemon.dockerapi.DockerIpamNetwork;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.daemon.ipam.AddressRecord;
import dev.mdnp.daemon.ipam.Cidr;
import dev.mdnp.daemon.ipam.IpAddress;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.daemon.ipam.PoolRecord;
import dev.mdnp.model.cnm.IpamData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds what mdnp's IPAM holds that Docker does not use any more. Docker sends each release once and forgets it
 * whatever the answer: a {@code ReleasePool} or {@code ReleaseAddress} that reached mdnp while it was down, or that
 * Docker sent again without its body after a restart cut it off (moby/moby#39331), is lost, and so is an allocation
 * whose answer the restart cut off. Pure: it reads Docker's networks of mdnp's IPAM, the IPAM's snapshot and the
 * driver's state, and names
 * <ul>
 * <li>each pool no network of Docker's has as a subnet and in which no address is taken, as
 *     {@code "pool POOLID"} (a pool with addresses is left alone: it may be a live network's in another engine
 *     than {@code --docker-host});</li>
 * <li>each address taken in a pool that a network of Docker's uses and that nothing explains, as
 *     {@code "address POOLID ADDRESS"}: not an address of an endpoint Docker or mdnp holds, nor an auxiliary address,
 *     nor the network's gateway. Docker shows the gateway of a user's {@code --gateway} only; for a gateway the IPAM
 *     chose, mdnp's own network tells it, so the addresses of a pool whose gateway neither tells are left alone.</li>
 * </ul>
 */
final class IpamLeaks {

    static final String POOL = "pool ";
    static final String ADDRESS = "address ";

    private IpamLeaks() {
    }

    /** Returns the leaked pools and addresses, as described on the class. */
    static Set<String> find(List<DockerIpamNetwork> docker, IpamSnapshot held, DriverState state) {
        Map<Cidr, DockerIpamNetwork> bySubnet = new HashMap<>();
        for (DockerIpamNetwork network : docker) {
            network.subnets().forEach(subnet -> parseCidr(subnet).ifPresent(cidr -> bySubnet.put(cidr, network)));
        }
        Set<String> inUse = new HashSet<>();
        state.endpoints().forEach(endpoint -> inUse.addAll(addresses(endpoint)));
        Map<String, List<AddressRecord>> takenByPool = new HashMap<>();
        held.addresses().forEach(address -> takenByPool.computeIfAbsent(address.poolId(), id -> new ArrayList<>())
                .add(address));
        Set<String> leaks = new LinkedHashSet<>();
        for (PoolRecord pool : held.pools()) {
            List<AddressRecord> taken = takenByPool.getOrDefault(pool.poolId(), List.of());
            DockerIpamNetwork network = parseCidr(pool.pool()).map(bySubnet::get).orElse(null);
            if (network == null) {
                if (taken.isEmpty()) {
                    leaks.add(POOL + pool.poolId());
                }
                continue;
            }
            Set<String> explained = new HashSet<>(inUse);
            Stream.of(network.endpointAddresses(), network.auxAddresses(), network.gateways())
                    .flatMap(List::stream).map(IpamLeaks::canonical).forEach(explained::add);
            Set<String> gateways = gatewaysOf(state.network(network.id()), network);
            if (gateways.isEmpty()) {
                continue;
            }
            explained.addAll(gateways);
            for (AddressRecord address : taken) {
                if (!explained.contains(address.address())) {
                    leaks.add(ADDRESS + pool.poolId() + " " + address.address());
                }
            }
        }
        return leaks;
    }

    /** The gateways of the network: those Docker shows, or those of mdnp's own network of that id. */
    private static Set<String> gatewaysOf(Optional<Network> own, DockerIpamNetwork network) {
        Set<String> gateways = new HashSet<>();
        network.gateways().forEach(gateway -> gateways.add(canonical(gateway)));
        own.ifPresent(mine -> Stream.concat(mine.request().ipv4Data().stream(), mine.request().ipv6Data().stream())
                .map(IpamData::gateway)
                .filter(gateway -> gateway != null && !gateway.isEmpty())
                .forEach(gateway -> gateways.add(canonical(gateway))));
        return gateways;
    }

    private static List<String> addresses(Endpoint endpoint) {
        return Stream.of(endpoint.request().endpointInterface().address(),
                        endpoint.request().endpointInterface().addressIPv6())
                .filter(address -> !address.isEmpty())
                .map(IpamLeaks::canonical)
                .toList();
    }

    /** The bare address in the IPAM's canonical form; text that is no address is kept as it is. */
    private static String canonical(String address) {
        int slash = address.indexOf('/');
        String bare = slash < 0 ? address : address.substring(0, slash);
        try {
            return IpAddress.parse(bare).toString();
        } catch (IllegalArgumentException e) {
            return bare;
        }
    }

    private static Optional<Cidr> parseCidr(String text) {
        try {
            return Optional.of(Cidr.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
