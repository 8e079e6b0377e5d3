package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

/**
 * How one mdnp daemon marks the links it creates as its own, so that several daemons (plugin names) on one host never
 * touch each other's links: every bridge and veth end is created in the daemon's device group ({@code ip link add ...
 * group G}, atomic with the creation, so a crash never leaves an unmarked link), and moved into the daemon's doomed
 * group when it waits for deletion. Bridges also carry the alias {@code mdnp:NAME}, for people reading
 * {@code ip -d link}. Links of other groups are never deleted; a link named like mdnp's but in the default group (left
 * by a release without groups) is taken over only when the daemon's state names it.
 *
 * @param instance the daemon's plugin name
 * @param group the device group of the daemon's links
 * @param doomedGroup the device group of the daemon's links waiting for deletion
 */
public record Ownership(String instance, int group, int doomedGroup) {

    /** The first group mdnp uses ("md" in the high half); its daemons' pairs of groups follow it. */
    private static final int BASE = 0x6d640000;
    /** How many pairs of groups there are to spread names over. */
    private static final int PAIRS = 0x8000;
    private static final String ALIAS_PREFIX = "mdnp:";

    /** Validates the components. */
    public Ownership {
        requireNonNull(instance, "instance");
        if (group == 0 || doomedGroup == 0 || group == doomedGroup) {
            throw new IllegalArgumentException("groups must be two different non-default groups");
        }
    }

    /**
     * Returns the ownership of the daemon named {@code instance}: a pair of groups derived from the name (the same in
     * every run, so a restarted daemon finds its links), the first even, the second the next one.
     */
    public static Ownership of(String instance) {
        int pair = Math.floorMod(instance.hashCode(), PAIRS);
        return new Ownership(instance, BASE + 2 * pair, BASE + 2 * pair + 1);
    }

    /** Returns the alias of the daemon's bridges: {@code mdnp:NAME}. */
    public String alias() {
        return ALIAS_PREFIX + instance;
    }

    /** Returns true when a link in {@code linkGroup} is this daemon's, waiting for deletion or not. */
    public boolean owns(int linkGroup) {
        return linkGroup == group || linkGroup == doomedGroup;
    }
}
