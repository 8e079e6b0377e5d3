package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import dev.mdnp.model.cnm.EmptyResponse;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.ipam.GetCapabilitiesResponse;
import dev.mdnp.model.ipam.GetDefaultAddressSpacesResponse;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestAddressResponse;
import dev.mdnp.model.ipam.RequestPoolRequest;
import dev.mdnp.model.ipam.RequestPoolResponse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPAM driver: one method per {@code IpamDriver.*} call of {@code cnm-remote-api.md} §3.
 *
 * <p><b>Pools.</b> An explicit {@code Pool} is allocated as asked, unless it overlaps an allocated pool of any
 * address space. An empty {@code Pool} gets the lowest free block of the {@link DefaultPools}; Docker keeps a pool
 * it rejects in its overlap loop while it asks again (§3.3, §7.13), so the next answer is always another pool. The
 * pool id is {@code space/subnet} or {@code space/subnet/ip-range}, so identical requests get the same id. The
 * reply carries no gateway in {@code Data}: Docker then asks for the gateway with {@code RequestAddress}, and the
 * gateway is allocated like any other address.
 *
 * <p><b>No replay (§3.8).</b> GetCapabilities answers {@code RequiresRequestReplay: false}: Docker then trusts the
 * IPAM to remember its pools and addresses across its own restarts instead of requesting them all again at start.
 * A replayed request cannot be told apart from a user's second {@code --subnet} or a duplicate {@code --ip}, so an
 * IPAM that answered replays idempotently would let two networks share a subnet (and a rollback of the second
 * release the first one's pool) and two containers share an address. mdnp refuses both, as Docker's built-in IPAM
 * does, and keeps its own state durable through the {@link IpamJournal}.
 *
 * <p><b>Durability.</b> Every change is first handed to the {@link IpamJournal} and made in memory only once the
 * journal returns: a call that fails changes nothing. Releases of unknown pools or addresses succeed (§3.4, §3.6).
 *
 * <p><b>Threads.</b> Docker calls concurrently (§1.3). One lock guards every pool and the journal calls; checks
 * that need no state (parsing, validation) run outside it.
 */
public final class IpamDriver {

    /** The address space Docker passes back in RequestPool for local-scope networks. */
    public static final String LOCAL_ADDRESS_SPACE = "MdnpLocal";
    /** The address space Docker passes back in RequestPool for global-scope networks. */
    public static final String GLOBAL_ADDRESS_SPACE = "MdnpGlobal";

    private final Object lock = new Object();
    private final DefaultPools defaults;
    private final IpamJournal journal;
    private final PoolTable table;

    /** Creates an empty IPAM with the built-in default pools whose state lives in memory only. */
    public IpamDriver() {
        this(DefaultPools.builtIn(), IpamJournal.NONE, IpamSnapshot.EMPTY);
    }

    /**
     * Creates an IPAM that starts from a recorded state and records every change in {@code journal}.
     *
     * @param defaults the ranges automatic pools are carved from
     * @param journal called before every change; {@link IpamJournal#NONE} for none
     * @param restored the state recorded before a restart; {@link IpamSnapshot#EMPTY} at first start
     * @throws IpamException with {@link Reason#INTERNAL} when the restored state is inconsistent (an invalid or
     *     overlapping pool, an address outside its pool, a duplicate), naming the first offending record
     */
    public IpamDriver(DefaultPools defaults, IpamJournal journal, IpamSnapshot restored) {
        this.defaults = requireNonNull(defaults, "defaults");
        this.journal = requireNonNull(journal, "journal");
        this.table = SnapshotLoader.load(requireNonNull(restored, "restored"));
    }

    /** §3.1: no MAC needed, and no replay at dockerd start: mdnp keeps its allocations itself (see the class). */
    public GetCapabilitiesResponse getCapabilities() {
        return new GetCapabilitiesResponse(false, false);
    }

    /** §3.2: mdnp's own address space names. */
    public GetDefaultAddressSpacesResponse getDefaultAddressSpaces() {
        return new GetDefaultAddressSpacesResponse(LOCAL_ADDRESS_SPACE, GLOBAL_ADDRESS_SPACE);
    }

    /**
     * §3.3: allocates the requested pool, or a free default pool when none is requested.
     *
     * @throws IpamException {@link Reason#BAD_REQUEST} for invalid input, {@link Reason#CONFLICT} when the subnet
     *     overlaps an allocated pool, {@link Reason#EXHAUSTED} when no default pool is free
     */
    public RequestPoolResponse requestPool(RequestPoolRequest request) {
        PoolSpec spec = PoolSpec.of(request);
        synchronized (lock) {
            Cidr wanted = spec.pool();
            if (wanted != null) {
                table.overlapping(wanted).ifPresent(other -> {
                    throw new IpamException(Reason.CONFLICT, "subnet " + wanted + " overlaps subnet " + other.cidr()
                            + ", which is already allocated (pool " + other.id() + "); choose another --subnet");
                });
            }
            Pool pool = new Pool(spec.addressSpace(), wanted != null ? wanted : freeDefault(spec.version()),
                    spec.subPool(), request.options());
            journal.poolAllocated(pool.record());
            table.add(pool);
            return poolResponse(pool);
        }
    }

    /** §3.4: frees the pool and every address still taken in it; an unknown or released pool is fine. */
    public EmptyResponse releasePool(ReleasePoolRequest request) {
        synchronized (lock) {
            Optional<Pool> pool = table.get(request.poolId());
            if (pool.isPresent()) {
                journal.poolReleased(pool.get().record());
                table.remove(pool.get());
            }
        }
        return EmptyResponse.EMPTY;
    }

    /**
     * §3.5: allocates the requested address, or the next free one of the range, or for a gateway the first free one
     * of the pool; answers with the address and the pool's prefix.
     *
     * @throws IpamException {@link Reason#NOT_FOUND} for an unknown pool, {@link Reason#BAD_REQUEST} for an
     *     address that is not a bare IP of the pool or is its network or broadcast address,
     *     {@link Reason#EXHAUSTED} when no address is free, {@link Reason#CONFLICT} for a taken address
     */
    public RequestAddressResponse requestAddress(RequestAddressRequest request) {
        IpAddress wanted = request.address().isEmpty() ? null : bareAddress(request.address());
        String type = request.options().get(OptionKeys.REQUEST_ADDRESS_TYPE);
        boolean gateway = OptionKeys.GATEWAY_ADDRESS_TYPE.equals(type);
        synchronized (lock) {
            Pool pool = table.get(request.poolId()).orElseThrow(() -> new IpamException(Reason.NOT_FOUND,
                    "unknown pool " + request.poolId() + ": mdnp holds no such pool (was the network removed,"
                            + " or mdnp's state lost?)"));
            if (wanted != null) {
                BigInteger offset = pool.assignableOffset(wanted);
                if (pool.isTaken(offset)) {
                    throw new IpamException(Reason.CONFLICT, "address " + wanted + " is already in use in "
                            + pool.describe());
                }
                journal.addressAllocated(pool.addressRecordAt(offset));
                pool.take(offset);
                return addressResponse(pool, offset);
            }
            BigInteger offset = gateway ? pool.firstInPool() : pool.nextInRange();
            journal.addressAllocated(pool.addressRecordAt(offset));
            if (gateway) {
                pool.take(offset);
            } else {
                pool.takeNext(offset);
            }
            return addressResponse(pool, offset);
        }
    }

    /**
     * §3.6: frees the address; an unknown pool, or an address that is not taken (a repeat, or a gateway mdnp never
     * handed out), is fine.
     *
     * @throws IpamException {@link Reason#BAD_REQUEST} when the address is not a bare IP
     */
    public EmptyResponse releaseAddress(ReleaseAddressRequest request) {
        IpAddress address = bareAddress(request.address());
        synchronized (lock) {
            release(table.get(request.poolId()), address);
        }
        return EmptyResponse.EMPTY;
    }

    /**
     * Frees an address that Docker no longer holds, as the orphan collector finds it: Docker forgot an endpoint in a
     * crash without releasing it. The address goes back to the pool that contains it, if one does and the address is
     * taken; returns whether it was freed.
     *
     * @param cidrAddress the endpoint's address as Docker gave it, in CIDR form ({@code 10.7.0.5/24}) or bare
     * @throws IpamException {@link Reason#BAD_REQUEST} when it is not an address
     */
    public boolean releaseOrphanAddress(String cidrAddress) {
        int slash = cidrAddress.indexOf('/');
        IpAddress address = bareAddress(slash < 0 ? cidrAddress : cidrAddress.substring(0, slash));
        synchronized (lock) {
            return release(table.overlapping(new Cidr(address, address.version().bits())), address);
        }
    }

    /** Frees {@code address} in {@code pool} when both exist and it is taken; returns whether it freed it. */
    private boolean release(Optional<Pool> pool, IpAddress address) {
        Optional<BigInteger> offset = pool.flatMap(p -> p.takenOffset(address));
        if (pool.isEmpty() || offset.isEmpty()) {
            return false;
        }
        journal.addressReleased(pool.get().addressRecordAt(offset.get()));
        pool.get().release(offset.get());
        return true;
    }

    /** Returns every allocated pool and address, as a restart would restore them. */
    public IpamSnapshot snapshot() {
        synchronized (lock) {
            List<PoolRecord> pools = new ArrayList<>();
            List<AddressRecord> addresses = new ArrayList<>();
            for (Pool pool : table.pools()) {
                pools.add(pool.record());
                addresses.addAll(pool.addressRecords());
            }
            return new IpamSnapshot(pools, addresses);
        }
    }

    private Cidr freeDefault(IpVersion version) {
        List<PoolTemplate> templates = defaults.templatesOf(version);
        if (templates.isEmpty()) {
            throw new IpamException(Reason.EXHAUSTED, "mdnp has no default " + version.label()
                    + " pool configured; give the network an " + version.label() + " --subnet");
        }
        for (PoolTemplate template : templates) {
            Optional<Cidr> block = table.firstFreeBlock(template);
            if (block.isPresent()) {
                return block.get();
            }
        }
        throw new IpamException(Reason.EXHAUSTED, "every default " + version.label() + " pool of mdnp is in use ("
                + templates + "); remove unused networks, give the network a --subnet, or add a --default-pool");
    }

    private static IpAddress bareAddress(String text) {
        if (text.isEmpty()) {
            throw new IpamException(Reason.BAD_REQUEST, "no address given");
        }
        if (text.indexOf('/') >= 0) {
            throw new IpamException(Reason.BAD_REQUEST, "address \"" + text + "\" must be a bare IP, without a prefix");
        }
        try {
            return IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IpamException(Reason.BAD_REQUEST, "invalid address: " + e.getMessage(), e);
        }
    }

    private static RequestPoolResponse poolResponse(Pool pool) {
        return new RequestPoolResponse(pool.id(), pool.cidr().toString(), Map.of());
    }

    private static RequestAddressResponse addressResponse(Pool pool, BigInteger offset) {
        return new RequestAddressResponse(pool.cidrTextAt(offset), Map.of());
    }
}
