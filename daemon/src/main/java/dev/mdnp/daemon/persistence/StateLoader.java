package dev.mdnp.daemon.persistence;

import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.daemon.ipam.AddressRecord;
import dev.mdnp.daemon.ipam.IpAddress;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.daemon.ipam.PoolRecord;
import dev.mdnp.daemon.store.AllocationRow;
import dev.mdnp.daemon.store.EndpointRow;
import dev.mdnp.daemon.store.NetworkRow;
import dev.mdnp.daemon.store.PoolRow;
import dev.mdnp.daemon.store.PublishedPortRow;
import dev.mdnp.daemon.store.Transaction;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads everything the journals recorded back into the driver's and the IPAM's records, in one transaction. */
final class StateLoader {

    private final RecordCodec codec;

    StateLoader(RecordCodec codec) {
        this.codec = codec;
    }

    /**
     * Returns the recorded state.
     *
     * @throws StoredStateException naming the first row that no version of mdnp could have written
     */
    RestoredState load(Transaction tx) {
        List<NetworkRow> networkRows = tx.networks().list();
        List<Network> networks = networkRows.stream().map(this::network).toList();
        List<EndpointRow> endpointRows = tx.endpoints().list();
        Map<String, List<PublishedPort>> ports = published(endpointRows, tx.publishedPorts().list());
        List<Endpoint> endpoints = endpointRows.stream()
                .map(row -> endpoint(row, ports.getOrDefault(row.id(), List.of())))
                .toList();
        List<PoolRecord> pools = tx.pools().list().stream().map(this::pool).toList();
        List<AddressRecord> addresses = addresses(pools, tx.allocations().list());
        DriverState driverState;
        try {
            driverState = DriverState.restored(networks, endpoints);
        } catch (IllegalArgumentException e) {
            throw new StoredStateException("stored networks and endpoints do not fit together: " + e.getMessage(), e);
        }
        return new RestoredState(driverState, new IpamSnapshot(pools, addresses),
                networkRows.stream().collect(Collectors.toMap(NetworkRow::id, NetworkRow::createdAt)));
    }

    private Network network(NetworkRow row) {
        String what = "stored network " + row.id();
        CreateNetworkRequest request = codec.decode(row.requestJson(), CreateNetworkRequest.class, what);
        if (!request.networkId().equals(row.id())) {
            throw new StoredStateException(what + " holds the request of network " + request.networkId());
        }
        try {
            return Network.of(request);
        } catch (RuntimeException e) {
            throw new StoredStateException(what + " has options mdnp no longer accepts: " + e.getMessage(), e);
        }
    }

    private Endpoint endpoint(EndpointRow row, List<PublishedPort> published) {
        String what = "stored endpoint " + row.id();
        CreateEndpointRequest request = codec.decode(row.requestJson(), CreateEndpointRequest.class, what);
        if (!request.endpointId().equals(row.id()) || !request.networkId().equals(row.networkId())) {
            throw new StoredStateException(what + " holds the request of endpoint " + request.endpointId()
                    + " on network " + request.networkId());
        }
        return new Endpoint(request, row.containerIfName(), row.mac(), row.joined(), row.sandboxKey(), published);
    }

    /**
     * Returns each endpoint's published ports in their recorded order. A port of an endpoint that is not recorded
     * (possible only when something wrote the file with foreign keys off) is damage, not something to drop: it
     * may still hold a host port or rules that Revoke will never remove.
     */
    private static Map<String, List<PublishedPort>> published(List<EndpointRow> endpoints,
            List<PublishedPortRow> rows) {
        Set<String> recorded = endpoints.stream().map(EndpointRow::id).collect(Collectors.toSet());
        Map<String, List<PublishedPort>> ports = new HashMap<>();
        for (PublishedPortRow row : rows) {
            if (!recorded.contains(row.endpointId())) {
                throw new StoredStateException("stored published port " + row.position() + " of endpoint "
                        + row.endpointId() + " belongs to no stored endpoint");
            }
            ports.computeIfAbsent(row.endpointId(), id -> new ArrayList<>()).add(PortRows.port(row));
        }
        return ports;
    }

    /**
     * Returns the allocations in the order {@link IpamSnapshot} promises: grouped by pool in the order of
     * {@code pools}, lowest address first. The store sorts them by pool id and address text, where {@code 10.88.0.10}
     * comes before {@code 10.88.0.2}. An allocation of an unrecorded pool goes after every pool, one that holds no
     * valid address after the other addresses of its pool; the IPAM's restore names either.
     */
    private static List<AddressRecord> addresses(List<PoolRecord> pools, List<AllocationRow> rows) {
        Map<String, Integer> position = new HashMap<>();
        for (PoolRecord pool : pools) {
            position.putIfAbsent(pool.poolId(), position.size());
        }
        Comparator<AllocationRow> order = Comparator
                .comparingInt((AllocationRow row) -> position.getOrDefault(row.poolId(), pools.size()))
                .thenComparing(AllocationRow::poolId)
                .thenComparing(row -> numericValue(row.address()), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AllocationRow::address);
        return rows.stream()
                .sorted(order)
                .map(row -> new AddressRecord(row.poolId(), row.address()))
                .toList();
    }

    private static @Nullable BigInteger numericValue(String address) {
        try {
            return IpAddress.parse(address).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private PoolRecord pool(PoolRow row) {
        return new PoolRecord(row.id(), row.addressSpace(), row.poolCidr(), row.subPoolCidr(),
                codec.decodeStringMap(row.optionsJson(), "stored pool " + row.id()));
    }
}
