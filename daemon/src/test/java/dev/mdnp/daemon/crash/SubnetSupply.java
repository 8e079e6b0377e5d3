package dev.mdnp.daemon.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The subnets churn networks may ask for: some /16s and many /24s, none overlapping another or mdnp's default pools.
 * A subnet goes back only once its pool is certainly released, so no two live networks ever ask for overlapping
 * subnets and every refusal of the IPAM is a fault. Thread-safe: the churn workers share one supply.
 */
public final class SubnetSupply {

    private static final double SHARE_OF_16S = 0.3;

    private final List<Subnet> free16s = new ArrayList<>();
    private final List<Subnet> free24s = new ArrayList<>();

    /** Creates the supply: {@code 10.200.0.0/16} to {@code 10.207.0.0/16} and the /24s of {@code 172.30.0.0/16}. */
    public SubnetSupply() {
        for (int i = 0; i < 8; i++) {
            free16s.add(Subnet.parse("10." + (200 + i) + ".0.0/16"));
        }
        for (int i = 0; i < 256; i++) {
            free24s.add(Subnet.parse("172.30." + i + ".0/24"));
        }
    }

    /** Takes a random free subnet, a /16 about a third of the time; empty when none is left. */
    public synchronized Optional<Subnet> take(Random random) {
        List<Subnet> first = random.nextDouble() < SHARE_OF_16S ? free16s : free24s;
        List<Subnet> from = first.isEmpty() ? (first == free16s ? free24s : free16s) : first;
        return from.isEmpty() ? Optional.empty() : Optional.of(from.remove(random.nextInt(from.size())));
    }

    /** Gives back a subnet whose pool is certainly released. */
    public synchronized void giveBack(Subnet subnet) {
        (subnet.prefix() == 16 ? free16s : free24s).add(subnet);
    }
}
