package dev.mdnp.daemon.ipam;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import java.math.BigInteger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the pool table from a recorded {@link IpamSnapshot}, checking it as strictly as live requests: a record
 * that a request could not have produced means the store is damaged, and the daemon must not start on it.
 */
final class SnapshotLoader {

    private static final Logger log = LoggerFactory.getLogger(SnapshotLoader.class);

    private SnapshotLoader() {
    }

    /**
     * Returns a table holding the snapshot's pools and addresses.
     *
     * @throws IpamException with {@link Reason#INTERNAL} naming the first record that is invalid, overlaps another,
     *     lies outside its pool, belongs to no pool or is repeated
     */
    static PoolTable load(IpamSnapshot snapshot) {
        PoolTable table = new PoolTable();
        for (PoolRecord record : snapshot.pools()) {
            Pool pool = pool(record);
            if (table.get(pool.id()).isPresent()) {
                throw corrupt(record, "it is recorded twice");
            }
            Optional<Pool> other = table.overlapping(pool.cidr());
            if (other.isPresent()) {
                throw corrupt(record, "it overlaps pool " + other.get().id());
            }
            table.add(pool);
        }
        for (AddressRecord record : snapshot.addresses()) {
            Pool pool = table.get(record.poolId()).orElseThrow(() -> corrupt(record, "its pool is not recorded"));
            BigInteger offset = offset(pool, record);
            if (pool.isTaken(offset)) {
                throw corrupt(record, "it is recorded twice");
            }
            pool.take(offset);
        }
        if (!snapshot.pools().isEmpty()) {
            log.info("ipam state restored pools={} addresses={}", snapshot.pools().size(), snapshot.addresses().size());
        }
        return table;
    }

    private static Pool pool(PoolRecord record) {
        Pool pool;
        try {
            Cidr cidr = Cidr.parse(record.pool());
            PoolSpec spec = PoolSpec.of(record.addressSpace(), record.pool(), record.subPool(), cidr.version());
            pool = new Pool(spec.addressSpace(), cidr, spec.subPool(), record.options());
        } catch (IllegalArgumentException | IpamException e) {
            throw corrupt(record, e.getMessage(), e);
        }
        if (!pool.id().equals(record.poolId())) {
            throw corrupt(record, "its id should be " + pool.id());
        }
        return pool;
    }

    private static BigInteger offset(Pool pool, AddressRecord record) {
        try {
            return pool.assignableOffset(IpAddress.parse(record.address()));
        } catch (IllegalArgumentException | IpamException e) {
            throw corrupt(record, e.getMessage(), e);
        }
    }

    private static IpamException corrupt(Record record, String why) {
        return new IpamException(Reason.INTERNAL, "stored IPAM state is inconsistent at " + record + ": " + why);
    }

    private static IpamException corrupt(Record record, String why, Exception cause) {
        return new IpamException(Reason.INTERNAL, "stored IPAM state is inconsistent at " + record + ": " + why,
                cause);
    }
}
