package dev.mdnp.daemon.crash;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The churn client's own record of what the daemon acknowledged: every pool, address, network, endpoint and join
 * that got a 200 and was not removed by a later 200 is {@link Fate#PRESENT}. Before a call that changes something is
 * sent, its object becomes {@link Fate#CREATING} or {@link Fate#REMOVING}; the 200 settles it. A call cut off by a
 * kill leaves it in doubt: the daemon may or may not have committed it, and only the compensating calls after the
 * restart settle it. Objects that are certainly gone are not recorded.
 *
 * <p>An automatic RequestAddress (no {@code Address}) in doubt has no address to record: its pool is marked as
 * having one unknown address in doubt instead.
 *
 * <p>Thread-safe: the churn workers share one instance; every method locks it.
 */
public final class AckedState {

    /** What kind of object an {@link Entity} is. */
    public enum Kind { POOL, ADDRESS, NETWORK, ENDPOINT, JOINED }

    /** What the client knows of an object it recorded. */
    public enum Fate {
        /** Its creation got a 200, and no removal was sent since. */
        PRESENT,
        /** A call that creates it was sent and got no reply yet: it may or may not exist. */
        CREATING,
        /** A call that removes it was sent and got no reply yet: it may or may not exist. */
        REMOVING;

        /** Returns whether the object may or may not exist. */
        public boolean inDoubt() {
            return this != PRESENT;
        }
    }

    /**
     * One object as the store identifies it.
     *
     * @param kind what it is
     * @param key the subnet of a pool, {@code subnet address} of an address, the id of a network or endpoint, the
     *     endpoint id of a join
     */
    public record Entity(Kind kind, String key) {

        /** A pool, by its subnet. */
        public static Entity pool(String cidr) {
            return new Entity(Kind.POOL, cidr);
        }

        /** An allocated address of a pool. */
        public static Entity address(String poolCidr, String bareAddress) {
            return new Entity(Kind.ADDRESS, poolCidr + " " + bareAddress);
        }

        /** A network, by Docker's id. */
        public static Entity network(String id) {
            return new Entity(Kind.NETWORK, id);
        }

        /** An endpoint, by Docker's id. */
        public static Entity endpoint(String id) {
            return new Entity(Kind.ENDPOINT, id);
        }

        /** The joined state of an endpoint. */
        public static Entity joined(String endpointId) {
            return new Entity(Kind.JOINED, endpointId);
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + key;
        }
    }

    /**
     * A copy of the record, for the checks.
     *
     * @param entities every recorded object and its fate
     * @param poolIds the pool id the IPAM returned, by subnet, for pools that got a 200
     * @param unknownAddressInDoubt the subnets of pools with an automatic RequestAddress in doubt
     */
    public record View(Map<Entity, Fate> entities, Map<String, String> poolIds, Set<String> unknownAddressInDoubt) {

        /** Copies the collections. */
        public View {
            entities = Map.copyOf(entities);
            poolIds = Map.copyOf(poolIds);
            unknownAddressInDoubt = Set.copyOf(unknownAddressInDoubt);
        }
    }

    private final Map<Entity, Fate> entities = new HashMap<>();
    private final Map<String, String> poolIds = new HashMap<>();
    private final Set<String> unknownAddressInDoubt = new HashSet<>();

    /**
     * Records that a call that may create or remove {@code entity} is about to be sent: a removal if it is present or
     * being removed, else a creation.
     */
    public synchronized void inDoubt(Entity entity) {
        Fate now = entities.get(entity);
        entities.put(entity, now == Fate.PRESENT || now == Fate.REMOVING ? Fate.REMOVING : Fate.CREATING);
    }

    /** Records that a call creating {@code entity} got a 200. */
    public synchronized void present(Entity entity) {
        entities.put(entity, Fate.PRESENT);
    }

    /** Records that a pool got a 200 with this id. */
    public synchronized void presentPool(String cidr, String poolId) {
        entities.put(Entity.pool(cidr), Fate.PRESENT);
        poolIds.put(cidr, poolId);
    }

    /** Records that {@code entity} is certainly gone: its removal got a 200, or it was never made. */
    public synchronized void absent(Entity entity) {
        entities.remove(entity);
        if (entity.kind() == Kind.POOL) {
            poolIds.remove(entity.key());
        }
    }

    /** Returns whether {@code entity} is present or in doubt. */
    public synchronized boolean mayExist(Entity entity) {
        return entities.containsKey(entity);
    }

    /** Returns the fate of {@code entity}; empty when it is certainly gone. */
    public synchronized Optional<Fate> fate(Entity entity) {
        return Optional.ofNullable(entities.get(entity));
    }

    /** Records that an automatic RequestAddress in the pool of {@code cidr} is about to be sent. */
    public synchronized void unknownAddressInDoubt(String cidr) {
        unknownAddressInDoubt.add(cidr);
    }

    /** Records that the automatic RequestAddress in the pool of {@code cidr} is settled. */
    public synchronized void unknownAddressSettled(String cidr) {
        unknownAddressInDoubt.remove(cidr);
    }

    /** Returns whether nothing is recorded: everything the client made is certainly gone. */
    public synchronized boolean isEmpty() {
        return entities.isEmpty() && unknownAddressInDoubt.isEmpty();
    }

    /** Returns a copy of the record. */
    public synchronized View view() {
        return new View(entities, poolIds, unknownAddressInDoubt);
    }
}
