package dev.mdnp.daemon.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.crash.AckedState.Entity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One churn client, as one stream of Docker's work: it creates and removes networks (RequestPool, gateway
 * RequestAddress, CreateNetwork; ReleaseAddress, ReleasePool, DeleteNetwork) and containers on them (RequestAddress,
 * CreateEndpoint, Join; Leave, DeleteEndpoint, ReleaseAddress), in the orders of {@code cnm-remote-api.md} §3.7 and
 * §5. Half the addresses are the IPAM's choice, half are asked for ({@code --gateway}, {@code --ip}). Every call's
 * outcome goes into the shared {@link AckedState}.
 *
 * <p>The worker owns its networks: no other worker touches them, so at most one of its calls is in flight when the
 * daemon is killed. {@link #settle} resolves that call after the restart as Docker resolves a failed create: with the
 * compensating deletes and releases of everything the cut-off sequence had made, all of which tolerate objects that
 * do not exist. Where the compensating call needs a value only the lost reply carried (the address of an automatic
 * RequestAddress, the pool id of a RequestPool), the worker takes it from the store read while the daemon was down;
 * Docker would lose track of such an address (it retries the call instead).
 *
 * <p>Not thread-safe: one thread runs it at a time; the coordinator calls {@link #settle} only after that thread ended.
 */
public final class ChurnWorker {

    private static final int MAX_NETWORKS = 3;
    private static final int MAX_ENDPOINTS = 8;

    private final int index;
    private final Random random;
    private final AckedState acked;
    private final SubnetSupply subnets;
    private final ObjectMapper json;
    private final List<OwnedNetwork> networks = new ArrayList<>();
    private String addressSpace = "";
    private String inFlight = "";
    private Cut cut;

    /** Creates worker {@code index} with its own seeded randomness. */
    public ChurnWorker(int index, long seed, AckedState acked, SubnetSupply subnets, ObjectMapper json) {
        this.index = index;
        this.random = new Random(seed);
        this.acked = acked;
        this.subnets = subnets;
        this.json = json;
    }

    /**
     * How a churn run ended.
     *
     * @param worker the worker's index
     * @param cutOffIn the call whose reply the kill cut off, "" when the connection dropped between calls
     * @param fault what went wrong when the daemon failed while alive (a refused call, a lost connection), else ""
     */
    public record Outcome(int worker, String cutOffIn, String fault) {
    }

    /** A network, with what the churn knows of it. */
    private static final class OwnedNetwork {
        final String id;
        final Subnet subnet;
        final List<OwnedEndpoint> endpoints = new ArrayList<>();
        String poolId;
        String gateway;

        OwnedNetwork(String id, Subnet subnet) {
            this.id = id;
            this.subnet = subnet;
        }

        Set<String> takenAddresses() {
            Set<String> taken = new HashSet<>();
            if (gateway != null) {
                taken.add(gateway);
            }
            endpoints.stream().filter(e -> e.address != null).forEach(e -> taken.add(e.address));
            return taken;
        }
    }

    /** An endpoint, with its address once known. */
    private static final class OwnedEndpoint {
        final String id;
        String address;

        OwnedEndpoint(String id) {
            this.id = id;
        }
    }

    /** The sequence a kill cut off: a network's creation or removal, or (with an endpoint) a container's. */
    private record Cut(OwnedNetwork network, OwnedEndpoint endpoint) {
    }

    /**
     * Sends sequences until the connection to the daemon drops; {@code killing} tells a kill from a fault. Each
     * answered call releases one permit of {@code callsAnswered}.
     */
    public Outcome churn(Path socket, BooleanSupplier killing, Semaphore callsAnswered) {
        try (PluginCalls calls = PluginCalls.connect(socket, json)) {
            if (addressSpace.isEmpty()) {
                addressSpace = calls.localAddressSpace();
            }
            while (true) {
                step(calls, callsAnswered);
            }
        } catch (IOException e) {
            String call = inFlight;
            inFlight = "";
            return killing.getAsBoolean() ? new Outcome(index, call, "")
                    : new Outcome(index, call, "connection lost while the daemon was alive, in " + call + ": " + e);
        } catch (RuntimeException e) {
            return new Outcome(index, inFlight, e.toString());
        }
    }

    /** Resolves the sequence a kill cut off, through {@code calls}, with the store read while the daemon was down. */
    public Optional<String> settle(PluginCalls calls, StoreSnapshot store) throws IOException {
        if (cut == null) {
            return Optional.empty();
        }
        String what;
        if (cut.endpoint() != null) {
            what = "endpoint " + cut.endpoint().id.substring(0, 12);
            tearDownEndpoint(calls, store, cut.network(), cut.endpoint());
        } else {
            what = "network " + cut.network().id.substring(0, 12);
            tearDownNetwork(calls, store, cut.network());
        }
        cut = null;
        return Optional.of(what);
    }

    /** Removes every network and container of this worker, as {@code docker rm -f} and {@code network rm} do. */
    public void removeEverything(PluginCalls calls) throws IOException {
        for (OwnedNetwork network : List.copyOf(networks)) {
            removeNetwork(calls, network, null);
        }
    }

    private void step(PluginCalls calls, Semaphore answered) throws IOException {
        double r = random.nextDouble();
        if (networks.isEmpty() || (r < 0.12 && networks.size() < MAX_NETWORKS)) {
            addNetwork(calls, answered);
            return;
        }
        OwnedNetwork network = networks.get(random.nextInt(networks.size()));
        if (r < 0.18) {
            removeNetwork(calls, network, answered);
        } else if (network.endpoints.isEmpty() || (r < 0.62 && network.endpoints.size() < MAX_ENDPOINTS)) {
            addEndpoint(calls, network, answered);
        } else {
            removeEndpoint(calls, network, network.endpoints.get(random.nextInt(network.endpoints.size())),
                    answered);
        }
    }

    private void addNetwork(PluginCalls calls, Semaphore answered) throws IOException {
        Optional<Subnet> subnet = subnets.take(random);
        if (subnet.isEmpty()) {
            return;
        }
        OwnedNetwork network = new OwnedNetwork(randomId(), subnet.get());
        String cidr = network.subnet.cidr();
        networks.add(network);
        cut = new Cut(network, null);
        acked.inDoubt(Entity.pool(cidr));
        sending("RequestPool");
        network.poolId = calls.requestPool(addressSpace, network.subnet);
        acked.presentPool(cidr, network.poolId);
        answered(answered);
        if (random.nextBoolean()) {
            network.gateway = network.subnet.randomHost(random, Set.of());
            acked.inDoubt(Entity.address(cidr, network.gateway));
            sending("RequestAddress (--gateway)");
            expectSame(network.gateway, calls.requestGateway(network.poolId, network.gateway));
        } else {
            acked.unknownAddressInDoubt(cidr);
            sending("RequestAddress (gateway)");
            network.gateway = calls.requestGateway(network.poolId, "");
            acked.unknownAddressSettled(cidr);
        }
        acked.present(Entity.address(cidr, network.gateway));
        answered(answered);
        acked.inDoubt(Entity.network(network.id));
        sending("CreateNetwork");
        calls.createNetwork(network.id, addressSpace, network.subnet, network.gateway);
        acked.present(Entity.network(network.id));
        answered(answered);
        cut = null;
    }

    private void addEndpoint(PluginCalls calls, OwnedNetwork network, Semaphore answered) throws IOException {
        OwnedEndpoint endpoint = new OwnedEndpoint(randomId());
        String cidr = network.subnet.cidr();
        network.endpoints.add(endpoint);
        cut = new Cut(network, endpoint);
        if (random.nextBoolean()) {
            endpoint.address = network.subnet.randomHost(random, network.takenAddresses());
            acked.inDoubt(Entity.address(cidr, endpoint.address));
            sending("RequestAddress (--ip)");
            expectSame(endpoint.address, calls.requestAddress(network.poolId, endpoint.address));
        } else {
            acked.unknownAddressInDoubt(cidr);
            sending("RequestAddress");
            endpoint.address = calls.requestAddress(network.poolId, "");
            acked.unknownAddressSettled(cidr);
        }
        acked.present(Entity.address(cidr, endpoint.address));
        answered(answered);
        acked.inDoubt(Entity.endpoint(endpoint.id));
        sending("CreateEndpoint");
        calls.createEndpoint(network.id, endpoint.id, network.subnet.withPrefix(endpoint.address));
        acked.present(Entity.endpoint(endpoint.id));
        answered(answered);
        acked.inDoubt(Entity.joined(endpoint.id));
        sending("Join");
        calls.join(network.id, endpoint.id);
        acked.present(Entity.joined(endpoint.id));
        answered(answered);
        cut = null;
    }

    private void removeEndpoint(PluginCalls calls, OwnedNetwork network, OwnedEndpoint endpoint, Semaphore answered)
            throws IOException {
        cut = new Cut(network, endpoint);
        acked.inDoubt(Entity.joined(endpoint.id));
        sending("Leave");
        calls.leave(network.id, endpoint.id);
        acked.absent(Entity.joined(endpoint.id));
        answered(answered);
        acked.inDoubt(Entity.endpoint(endpoint.id));
        sending("DeleteEndpoint");
        calls.deleteEndpoint(network.id, endpoint.id);
        acked.absent(Entity.endpoint(endpoint.id));
        answered(answered);
        Entity address = Entity.address(network.subnet.cidr(), endpoint.address);
        acked.inDoubt(address);
        sending("ReleaseAddress");
        calls.releaseAddress(network.poolId, endpoint.address);
        acked.absent(address);
        answered(answered);
        network.endpoints.remove(endpoint);
        cut = null;
    }

    private void removeNetwork(PluginCalls calls, OwnedNetwork network, Semaphore answered) throws IOException {
        for (OwnedEndpoint endpoint : List.copyOf(network.endpoints)) {
            removeEndpoint(calls, network, endpoint, answered);
        }
        String cidr = network.subnet.cidr();
        cut = new Cut(network, null);
        Entity gateway = Entity.address(cidr, network.gateway);
        acked.inDoubt(gateway);
        sending("ReleaseAddress (gateway)");
        calls.releaseAddress(network.poolId, network.gateway);
        acked.absent(gateway);
        answered(answered);
        acked.inDoubt(Entity.pool(cidr));
        sending("ReleasePool");
        calls.releasePool(network.poolId);
        acked.absent(Entity.pool(cidr));
        answered(answered);
        acked.inDoubt(Entity.network(network.id));
        sending("DeleteNetwork");
        calls.deleteNetwork(network.id);
        acked.absent(Entity.network(network.id));
        answered(answered);
        networks.remove(network);
        subnets.giveBack(network.subnet);
        cut = null;
    }

    /** Leave, DeleteEndpoint and ReleaseAddress for whatever of the endpoint may exist. */
    private void tearDownEndpoint(PluginCalls calls, StoreSnapshot store, OwnedNetwork network,
            OwnedEndpoint endpoint) throws IOException {
        String cidr = network.subnet.cidr();
        if (acked.mayExist(Entity.joined(endpoint.id))) {
            calls.leave(network.id, endpoint.id);
            acked.absent(Entity.joined(endpoint.id));
        }
        if (acked.mayExist(Entity.endpoint(endpoint.id))) {
            calls.deleteEndpoint(network.id, endpoint.id);
            acked.absent(Entity.endpoint(endpoint.id));
        }
        if (endpoint.address == null) {
            endpoint.address = unknownAddressFromStore(store, network).orElse(null);
        }
        if (endpoint.address != null && acked.mayExist(Entity.address(cidr, endpoint.address))) {
            calls.releaseAddress(network.poolId, endpoint.address);
            acked.absent(Entity.address(cidr, endpoint.address));
        }
        network.endpoints.remove(endpoint);
    }

    /** ReleaseAddress (gateway), ReleasePool and DeleteNetwork for whatever of the network may exist. */
    private void tearDownNetwork(PluginCalls calls, StoreSnapshot store, OwnedNetwork network) throws IOException {
        for (OwnedEndpoint endpoint : List.copyOf(network.endpoints)) {
            tearDownEndpoint(calls, store, network, endpoint);
        }
        String cidr = network.subnet.cidr();
        if (network.poolId == null) {
            network.poolId = store.poolOf(cidr).map(StoreSnapshot.StoredPool::id).orElse(null);
            if (network.poolId == null) {
                acked.absent(Entity.pool(cidr));
            } else {
                acked.inDoubt(Entity.pool(cidr));
            }
        }
        if (network.gateway == null && network.poolId != null) {
            network.gateway = unknownAddressFromStore(store, network).orElse(null);
        }
        if (network.gateway != null && acked.mayExist(Entity.address(cidr, network.gateway))) {
            calls.releaseAddress(network.poolId, network.gateway);
            acked.absent(Entity.address(cidr, network.gateway));
        }
        if (network.poolId != null && acked.mayExist(Entity.pool(cidr))) {
            calls.releasePool(network.poolId);
            acked.absent(Entity.pool(cidr));
        }
        if (acked.mayExist(Entity.network(network.id))) {
            calls.deleteNetwork(network.id);
            acked.absent(Entity.network(network.id));
        }
        acked.unknownAddressSettled(cidr);
        networks.remove(network);
        subnets.giveBack(network.subnet);
    }

    /**
     * Returns the address an automatic RequestAddress cut off by the kill got, if the store has it: the one address
     * of the pool the client has no record of. Records it as in doubt, so that it is released.
     */
    private Optional<String> unknownAddressFromStore(StoreSnapshot store, OwnedNetwork network) {
        String cidr = network.subnet.cidr();
        if (!acked.view().unknownAddressInDoubt().contains(cidr)) {
            return Optional.empty();
        }
        acked.unknownAddressSettled(cidr);
        List<String> unrecorded = store.allocations().stream()
                .filter(a -> a.poolId().equals(network.poolId))
                .map(StoreSnapshot.StoredAllocation::address)
                .filter(a -> !acked.mayExist(Entity.address(cidr, a)))
                .toList();
        if (unrecorded.size() > 1) {
            throw new IllegalStateException("pool " + cidr + " holds " + unrecorded + " beyond what got a 200");
        }
        unrecorded.forEach(a -> acked.inDoubt(Entity.address(cidr, a)));
        return unrecorded.stream().findFirst();
    }

    private void sending(String call) {
        inFlight = call;
    }

    private void answered(Semaphore answered) {
        inFlight = "";
        if (answered != null) {
            answered.release();
        }
    }

    private static void expectSame(String asked, String got) {
        if (!asked.equals(got)) {
            throw new IllegalStateException("asked the IPAM for " + asked + " and got " + got);
        }
    }

    private String randomId() {
        StringBuilder id = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }
}
