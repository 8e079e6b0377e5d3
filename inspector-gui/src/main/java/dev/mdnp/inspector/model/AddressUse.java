package dev.mdnp.inspector.model;

import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import java.util.List;
import java.util.Optional;

/**
 * How many addresses a network uses and has free, added up over the IPAM pools whose subnet is one of its subnets.
 *
 * @param used addresses taken, gateways included
 * @param free assignable addresses still free, {@link Long#MAX_VALUE} when at least that many (big IPv6 pools)
 */
public record AddressUse(long used, long free) {

    /**
     * Returns the use of {@code network}'s addresses from the matching pools in {@code pools}; empty when none
     * matches, as for a network whose addresses Docker's own IPAM hands out.
     */
    public static Optional<AddressUse> of(NetworkView network, List<PoolView> pools) {
        long used = 0;
        long free = 0;
        boolean matched = false;
        for (PoolView pool : pools) {
            if (network.ipv4Subnets().contains(pool.pool()) || network.ipv6Subnets().contains(pool.pool())) {
                matched = true;
                used = saturatedSum(used, pool.used());
                free = saturatedSum(free, pool.free());
            }
        }
        return matched ? Optional.of(new AddressUse(used, free)) : Optional.empty();
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
